namespace Loyalty.GrainInterfaces.Devices;

/// <summary>Whether the device may give the stamps; when not, the message and when the next local day begins.</summary>
public sealed record DeviceStampDecision(bool Allowed, string? Message = null, DateTimeOffset? RetryAt = null);
