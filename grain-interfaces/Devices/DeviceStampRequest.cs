namespace Loyalty.GrainInterfaces.Devices;

/// <summary>
/// Stamps a card wants to give through this device, counted against the program's per-device daily cap.
/// The idempotency key makes a retried stamp count once.
/// </summary>
public sealed record DeviceStampRequest(string IdempotencyKey, Guid ProgramId, int Count, int Cap, DateTimeOffset At, string StoreTimeZone);
