using Loyalty.Grains.Rules;

namespace Loyalty.Grains.Pins;

/// <summary>
/// When a staff PIN locks: after <see cref="MaxConsecutiveFailures"/> failures in a row it stays locked for
/// <see cref="LockDuration"/>. Defaults (the terminal contract's): 5 failures, 15 minutes. Configurable per merchant.
/// </summary>
public sealed record PinLockoutPolicy(int MaxConsecutiveFailures, TimeSpan LockDuration)
{
    public const int DefaultMaxConsecutiveFailures = 5;
    public static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(15);

    public static PinLockoutPolicy Default { get; } = new(DefaultMaxConsecutiveFailures, DefaultLockDuration);

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (MaxConsecutiveFailures is < 1 or > 100)
            errors.Add("maxConsecutiveFailures", "Must be between 1 and 100.");
        if (LockDuration <= TimeSpan.Zero || LockDuration > TimeSpan.FromDays(1))
            errors.Add("lockDuration", "Must be more than zero and at most one day.");
        return errors;
    }
}
