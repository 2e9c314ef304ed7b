using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Merchants;

namespace Loyalty.Grains.Merchants;

/// <summary>Checks a <see cref="SetPinLockoutCommand"/> (admin API camelCase names).</summary>
public static class PinLockoutValidator
{
    public const int MaxFailures = 100;

    // A day: longer locks would only keep staff out; the lock is there to slow guessing, not to punish.
    public const int MaxLockMinutes = 24 * 60;

    public static FieldErrors Validate(SetPinLockoutCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        if (command.MaxConsecutiveFailures is not (>= 1 and <= MaxFailures))
            errors.Add("maxConsecutiveFailures", $"Must be a whole number from 1 to {MaxFailures}.");
        if (command.LockMinutes is not (>= 1 and <= MaxLockMinutes))
            errors.Add("lockMinutes", $"Must be a whole number from 1 to {MaxLockMinutes}.");
        return errors;
    }
}
