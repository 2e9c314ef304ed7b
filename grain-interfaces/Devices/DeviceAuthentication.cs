namespace Loyalty.GrainInterfaces.Devices;

/// <summary>The answer to a presented token: <see cref="Device"/> is set when <see cref="Outcome"/> is Active.</summary>
public sealed record DeviceAuthentication(DeviceAuthenticationOutcome Outcome, DeviceDetails? Device)
{
    public static DeviceAuthentication Unknown { get; } = new(DeviceAuthenticationOutcome.Unknown, null);

    public static DeviceAuthentication Revoked { get; } = new(DeviceAuthenticationOutcome.Revoked, null);
}
