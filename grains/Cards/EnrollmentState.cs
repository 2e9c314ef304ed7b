namespace Loyalty.Grains.Cards;

/// <summary>What an enrolment grain persists: the card it created, and the request that created it (for replays).</summary>
public sealed record EnrollmentState
{
    public string? CardNumber { get; init; }

    public IdempotencyRecord? Creation { get; init; }
}
