namespace Loyalty.GrainInterfaces.Commands;

/// <summary>Builds <see cref="CommandResult{T}"/> values.</summary>
public static class CommandResult
{
    /// <summary>A successful outcome.</summary>
    public static CommandResult<T> Success<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A refusal; nothing changed.</summary>
    public static CommandResult<T> Failure<T>(CommandError error)
        where T : class => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
