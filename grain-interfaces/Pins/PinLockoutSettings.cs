namespace Loyalty.GrainInterfaces.Pins;

/// <summary>A merchant's PIN lockout: <see cref="MaxConsecutiveFailures"/> failures in a row lock a PIN for <see cref="LockDuration"/>.</summary>
public sealed record PinLockoutSettings(int MaxConsecutiveFailures, TimeSpan LockDuration);
