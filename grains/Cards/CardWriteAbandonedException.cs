namespace Loyalty.Grains.Cards;

/// <summary>
/// A change staged behind a write that failed: it was never sent, and the card reloads before judging it again. The
/// card retries such an operation itself; a caller sees it only when the retries run out.
/// </summary>
public sealed class CardWriteAbandonedException : Exception
{
    public CardWriteAbandonedException()
    {
    }

    public CardWriteAbandonedException(string message)
        : base(message)
    {
    }

    public CardWriteAbandonedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
