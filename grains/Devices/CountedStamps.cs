using Loyalty.GrainInterfaces.Devices;

namespace Loyalty.Grains.Devices;

/// <summary>A per-device cap decision, remembered by idempotency key.</summary>
public sealed record CountedStamps(string IdempotencyKey, DeviceStampDecision Decision);
