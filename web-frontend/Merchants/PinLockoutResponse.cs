using Loyalty.GrainInterfaces.Pins;

namespace Loyalty.Web.Merchants;

/// <summary>A merchant's staff PIN lockout: <c>maxConsecutiveFailures</c> failures in a row lock a PIN for <c>lockMinutes</c>.</summary>
public sealed record PinLockoutResponse(int MaxConsecutiveFailures, int LockMinutes)
{
    public static PinLockoutResponse From(PinLockoutSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.MaxConsecutiveFailures, (int)settings.LockDuration.TotalMinutes);
    }
}
