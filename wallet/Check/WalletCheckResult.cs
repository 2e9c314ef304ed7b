namespace Loyalty.Wallet.Check;

/// <summary>One step's outcome: <see cref="Problem"/> (None when fine) and the technical detail behind it (never a secret).</summary>
public sealed record WalletCheckResult(WalletCheckStep Step, WalletCheckProblem Problem, string? Detail = null)
{
    public bool Ok => Problem == WalletCheckProblem.None;
}
