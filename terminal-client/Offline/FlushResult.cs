namespace Loyalty.TerminalClient.Offline;

/// <summary>What <see cref="OfflineQueue.FlushAsync"/> did.</summary>
/// <param name="Results">One per operation that was queued when the flush began, in <c>deviceSeq</c> order.</param>
/// <param name="Remaining">Operations still queued afterwards (pending ones, and any queued during the flush).</param>
public sealed record FlushResult(IReadOnlyList<OfflineOperationResult> Results, int Remaining);
