namespace Loyalty.GrainInterfaces.Devices;

/// <summary>Whether the device may give the stamps; when not, the message and when the next local day begins.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.DeviceStampDecision")]
public sealed record DeviceStampDecision(
    [Id(0)] bool Allowed,
    [Id(1)] string? Message = null,
    [Id(2)] DateTimeOffset? RetryAt = null);
