namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /sync</c>.</summary>
/// <param name="Results">One per operation, in <c>deviceSeq</c> order.</param>
public sealed record SyncResponse(IReadOnlyList<SyncResult> Results);
