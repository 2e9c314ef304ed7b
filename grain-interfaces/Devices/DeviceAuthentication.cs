namespace Loyalty.GrainInterfaces.Devices;

/// <summary>The answer to a presented token: <see cref="Device"/> is set when <see cref="Outcome"/> is Active.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.DeviceAuthentication")]
public sealed record DeviceAuthentication([Id(0)] DeviceAuthenticationOutcome Outcome, [Id(1)] DeviceDetails? Device)
{
    public static DeviceAuthentication Unknown { get; } = new(DeviceAuthenticationOutcome.Unknown, null);

    public static DeviceAuthentication Revoked { get; } = new(DeviceAuthenticationOutcome.Revoked, null);
}
