namespace Loyalty.Wallet.Rate;

/// <summary>
/// The rate grain's answer: <see cref="Granted"/>: send at <see cref="At"/> (now or a few milliseconds ahead); otherwise
/// the next second is taken already, ask again at <see cref="At"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.wallet.RatePermit")]
public sealed record RatePermit([property: Id(0)] bool Granted, [property: Id(1)] DateTimeOffset At);
