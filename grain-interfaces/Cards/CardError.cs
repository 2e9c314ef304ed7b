namespace Loyalty.GrainInterfaces.Cards;

/// <summary>Why an operation was refused: the contract's machine code, a message, and (for validation) field errors.</summary>
[GenerateSerializer]
[Alias("loyalty.cards.CardError")]
public sealed record CardError(
    [Id(0)] string Code,
    [Id(1)] string Message,
    [Id(2)] DateTimeOffset? RetryAt = null,
    [Id(3)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);
