namespace Loyalty.GrainInterfaces.Commands;

/// <summary>
/// Why a grain refused a command; nothing changed. <see cref="Code"/> is the API's machine code (see
/// <see cref="CommandErrorCodes"/>); <see cref="Errors"/> maps camelCase field names to messages for
/// <c>validation</c>.
/// </summary>
/// <param name="Code">The machine code.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Errors">Field-level messages, for validation errors only.</param>
[GenerateSerializer]
[Alias("loyalty.commands.CommandError")]
public sealed record CommandError(
    [Id(0)] string Code,
    [Id(1)] string Message,
    [Id(2)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null)
{
    /// <summary>A validation error with its field messages; the message is the first field message.</summary>
    public static CommandError Validation(IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? "The request is not valid.";
        return new CommandError(CommandErrorCodes.Validation, first, errors);
    }

    /// <summary>A validation error on one field.</summary>
    public static CommandError Validation(string field, string message) =>
        new(CommandErrorCodes.Validation, message, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>The command collides with existing data (a taken slug, an entity that already exists).</summary>
    public static CommandError Conflict(string message) => new(CommandErrorCodes.Conflict, message);
}
