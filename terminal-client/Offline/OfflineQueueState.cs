using Loyalty.TerminalClient.Contracts;

namespace Loyalty.TerminalClient.Offline;

/// <summary>What an <see cref="IOfflineQueueStore"/> persists: the queued operations and the last <c>deviceSeq</c> handed out.</summary>
/// <param name="LastDeviceSeq">
/// The highest sequence number ever given, kept even when the queue is empty so that numbers never repeat, across
/// flushes and restarts.
/// </param>
/// <param name="Operations">The operations not yet answered with a final status, in <c>deviceSeq</c> order.</param>
public sealed record OfflineQueueState(long LastDeviceSeq, IReadOnlyList<SyncOperation> Operations)
{
    /// <summary>A queue that never held anything.</summary>
    public static OfflineQueueState Empty { get; } = new(0, []);
}
