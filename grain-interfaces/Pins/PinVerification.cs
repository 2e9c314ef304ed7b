namespace Loyalty.GrainInterfaces.Pins;

/// <summary>
/// The answer to a PIN check or an offline failure report. <see cref="AttemptsRemaining"/> is how many failures are
/// left before the PIN locks (0 while locked); <see cref="LockedUntil"/> is set while the PIN is locked.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pins.PinVerification")]
public sealed record PinVerification(
    [Id(0)] PinVerificationOutcome Outcome,
    [Id(1)] int AttemptsRemaining,
    [Id(2)] DateTimeOffset? LockedUntil)
{
    public static PinVerification NotFound { get; } = new(PinVerificationOutcome.NotFound, 0, null);

    public static PinVerification Forbidden { get; } = new(PinVerificationOutcome.Forbidden, 0, null);
}
