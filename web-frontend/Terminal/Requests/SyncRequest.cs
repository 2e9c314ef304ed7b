namespace Loyalty.Web.Terminal.Requests;

/// <summary>The offline queue: at most <see cref="MaxOperations"/> operations, applied in <c>deviceSeq</c> order.</summary>
public sealed record SyncRequest(IReadOnlyList<SyncOperation>? Operations)
{
    public const int MaxOperations = 500;
}
