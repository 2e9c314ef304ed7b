using Loyalty.Grains.Cards;
using Microsoft.Extensions.Logging;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// Tells the card's pass grain about each committed card write with a one-way call: the card's answer never waits for
/// it. The pass grain ignores cards nobody saved to Google Wallet.
/// </summary>
public sealed partial class GoogleWalletCardListener(IGrainFactory grains, ILogger<GoogleWalletCardListener> logger) : ICardChangeListener
{
    public void CardCommitted(string cardNumber)
    {
        try
        {
            _ = grains.GetGrain<IGoogleWalletPassGrain>(cardNumber).CardChangedAsync();
        }
#pragma warning disable CA1031 // A listener must never fail the card's write loop; the pass catches up at its next change.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotifyFailed(logger, exception, cardNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card {CardNumber}: its Google Wallet pass could not be told of a change")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string cardNumber);
}
