namespace Loyalty.Grains.Cards;

/// <summary>
/// Told after a card's write has committed (a stamp, points, a redemption, an expiry, an erasure: anything that changed
/// its row). Registered by features that mirror cards elsewhere, such as the Google Wallet pass; none by default, so the
/// card's hot path pays nothing for them. Called on the card's activation right after the commit, once per write (the
/// operations coalesced into one write are one call): an implementation must return at once and never throw.
/// </summary>
public interface ICardChangeListener
{
    void CardCommitted(string cardNumber);
}
