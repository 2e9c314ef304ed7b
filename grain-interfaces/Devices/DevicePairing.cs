namespace Loyalty.GrainInterfaces.Devices;

/// <summary>A new pairing: <see cref="Token"/> is shown to the device once and stored only as a hash.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.DevicePairing")]
public sealed record DevicePairing([Id(0)] DeviceDetails Device, [Id(1)] string Token)
{
    // The token is a bearer secret: keep it out of logs that print records.
    public override string ToString() => $"DevicePairing {{ Device = {Device} }}";
}
