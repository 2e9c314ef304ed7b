using Loyalty.Wallet.Resync;

namespace Loyalty.Wallet.Check;

/// <summary>The wallet check: each step's result, and the passes whose resync is failing (the first 50).</summary>
public sealed record WalletCheckReport(string? IssuerId, IReadOnlyList<WalletCheckResult> Steps, long FailingCount, IReadOnlyList<PassRecord> Failing)
{
    public bool Ok => Steps.All(step => step.Ok);
}
