namespace Loyalty.GrainInterfaces.Devices;

/// <summary>
/// Stamps a card wants to give through this device, counted against the program's per-device daily cap.
/// The idempotency key makes a retried stamp count once.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.DeviceStampRequest")]
public sealed record DeviceStampRequest(
    [Id(0)] string IdempotencyKey,
    [Id(1)] Guid ProgramId,
    [Id(2)] int Count,
    [Id(3)] int Cap,
    [Id(4)] DateTimeOffset At,
    [Id(5)] string StoreTimeZone);
