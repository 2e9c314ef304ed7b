namespace Loyalty.GrainInterfaces.Pins;

/// <summary>A merchant's PIN lockout: <see cref="MaxConsecutiveFailures"/> failures in a row lock a PIN for <see cref="LockDuration"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pins.PinLockoutSettings")]
public sealed record PinLockoutSettings([Id(0)] int MaxConsecutiveFailures, [Id(1)] TimeSpan LockDuration)
{
    /// <summary>The terminal contract's defaults: 5 failures lock for 15 minutes.</summary>
    public static PinLockoutSettings Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
