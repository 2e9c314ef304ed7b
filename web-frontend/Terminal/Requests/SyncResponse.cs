namespace Loyalty.Web.Terminal.Requests;

public sealed record SyncResponse(IReadOnlyList<SyncResult> Results);
