namespace Loyalty.Wallet.Check;

/// <summary>What is wrong, as the page words it (each has a sentence in four languages); <see cref="None"/>: all well.</summary>
public enum WalletCheckProblem
{
    None,
    NotConfigured,
    InvalidSettings,
    KeyUnusable,
    TokenRefused,
    IssuerNotFound,
    IssuerForbidden,
    IssuerFailed,
    LogoUnreachable,
    LogoStatus,
    LogoNotImage,
    Skipped,
    PassesFailing,
}
