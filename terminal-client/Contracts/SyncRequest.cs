namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /sync</c>.</summary>
/// <param name="Operations">At most <see cref="MaxOperations"/>, applied in <c>deviceSeq</c> order.</param>
public sealed record SyncRequest(IReadOnlyList<SyncOperation> Operations)
{
    /// <summary>The contract's limit per sync.</summary>
    public const int MaxOperations = 500;
}
