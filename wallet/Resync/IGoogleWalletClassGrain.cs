namespace Loyalty.Wallet.Resync;

/// <summary>A program's LoyaltyClass at Google (key: the program id): written once per activation, before its first object.</summary>
[Alias("loyalty.wallet.IGoogleWalletClassGrain")]
public interface IGoogleWalletClassGrain : IGrainWithGuidKey
{
    /// <summary>Inserts the class (or, when it exists, updates it) unless this activation did; null on success, else why not.</summary>
    [Alias("EnsureAsync")]
    Task<string?> EnsureAsync();
}
