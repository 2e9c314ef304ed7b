namespace Loyalty.Wallet.Rate;

/// <summary>
/// The cluster's one budget of Wallet API requests (key 0): hands out send times spaced 1/RequestsPerSecond apart, at
/// most a second ahead, so no second of any silo's clock holds more than the limit (ADR 0033).
/// </summary>
[Alias("loyalty.wallet.IGoogleWalletRateGrain")]
public interface IGoogleWalletRateGrain : IGrainWithIntegerKey
{
    [Alias("AcquireAsync")]
    Task<RatePermit> AcquireAsync();
}
