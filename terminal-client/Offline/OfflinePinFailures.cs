namespace Loyalty.TerminalClient.Offline;

/// <summary>Wrong PINs typed on this tablet while offline, for <c>POST /staff/{pinId}/failed-attempts</c>.</summary>
/// <param name="PinId">The staff PIN.</param>
/// <param name="Count">How many failures.</param>
/// <param name="LastAttemptAt">When the last one was typed (tablet time).</param>
public sealed record OfflinePinFailures(Guid PinId, int Count, DateTimeOffset LastAttemptAt);
