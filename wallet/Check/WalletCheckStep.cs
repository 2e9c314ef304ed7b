namespace Loyalty.Wallet.Check;

/// <summary>What the wallet check looks at, in order.</summary>
public enum WalletCheckStep
{
    Configuration,
    Token,
    Issuer,
    Logo,
    Resync,
}
