using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Loyalty.GrainInterfaces.Commands;

/// <summary>
/// The outcome of a grain command: its <see cref="Value"/>, or the <see cref="Error"/> that refused it. Refusals are
/// values rather than exceptions because they are expected answers that the API maps to 4xx problems.
/// </summary>
/// <param name="Value">The result when the command succeeded.</param>
/// <param name="Error">The refusal when it did not.</param>
[GenerateSerializer]
[Alias("loyalty.commands.CommandResult`1")]
public sealed record CommandResult<T>([Id(0)] T? Value, [Id(1)] CommandError? Error)
    where T : class
{
    /// <summary>Whether the command succeeded (then <see cref="Value"/> is set).</summary>
    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null && Value is not null;
}
