namespace Loyalty.GrainInterfaces.Cards;

/// <summary>Why an operation was refused: the contract's machine code, a message, and (for validation) field errors.</summary>
public sealed record CardError(
    string Code,
    string Message,
    DateTimeOffset? RetryAt = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);
