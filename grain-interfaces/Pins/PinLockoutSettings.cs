namespace Loyalty.GrainInterfaces.Pins;

/// <summary>A merchant's PIN lockout: <see cref="MaxConsecutiveFailures"/> failures in a row lock a PIN for <see cref="LockDuration"/>.</summary>
public sealed record PinLockoutSettings(int MaxConsecutiveFailures, TimeSpan LockDuration)
{
    /// <summary>The terminal contract's defaults: 5 failures lock for 15 minutes.</summary>
    public static PinLockoutSettings Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
