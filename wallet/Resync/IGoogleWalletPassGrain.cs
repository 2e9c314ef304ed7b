using Orleans.Concurrency;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// One card's Google Wallet object (key: the card number). Keeps the object in step with the card: a committed card
/// change marks it pending, a resync sends it (silent, or notifying for a reward ready, a tier change or points
/// expiring, within the pass's budget), and a failure is retried with exponential backoff by a durable reminder that
/// survives the silo (ADR 0033).
/// </summary>
[Alias("loyalty.wallet.IGoogleWalletPassGrain")]
public interface IGoogleWalletPassGrain : IGrainWithStringKey
{
    /// <summary>
    /// Inserts the program's class and the card's object when needed, and answers the save link (a skinny JWT naming the
    /// object), or null when the card does not exist or the object could not be written (the failure is stored and
    /// retried).
    /// </summary>
    [Alias("GetSaveLinkAsync")]
    Task<string?> GetSaveLinkAsync();

    /// <summary>The card's write committed: resync the pass if the customer saved it. Fire and forget.</summary>
    [OneWay]
    [Alias("CardChangedAsync")]
    Task CardChangedAsync();

    /// <summary>Resyncs now if a resync is pending and due. Fire and forget (the grain calls it on itself).</summary>
    [OneWay]
    [Alias("ResyncAsync")]
    Task ResyncAsync();

    /// <summary>
    /// The pass's state as last stored, or null when the card was never saved to Google Wallet. Answers even while a
    /// resync waits for Google or for a rate permit (it only reads the last stored state).
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetStatusAsync")]
    Task<GoogleWalletPassStatus?> GetStatusAsync();
}
