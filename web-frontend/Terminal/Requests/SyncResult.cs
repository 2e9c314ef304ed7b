namespace Loyalty.Web.Terminal.Requests;

/// <summary>One operation's answer in <c>/sync</c>: exactly what the single endpoint would have answered.</summary>
public sealed record SyncResult(string? IdempotencyKey, int Status, object Body);
