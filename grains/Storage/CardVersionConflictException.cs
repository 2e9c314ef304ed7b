namespace Loyalty.Grains.Storage;

/// <summary>
/// A card write found its row at another version than the one it expected (or, for a first write, found a row):
/// another activation of the card wrote in between. Only this write failed, and nothing of it was stored; the
/// activation must reload the card before writing again.
/// </summary>
public sealed class CardVersionConflictException : Exception
{
    public CardVersionConflictException()
    {
    }

    public CardVersionConflictException(string message)
        : base(message)
    {
    }

    public CardVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardVersionConflictException(string cardNumber, long expectedVersion)
        : base(expectedVersion == 0
            ? $"Card {cardNumber} was already stored by another activation; this write expected no row and stored nothing."
            : $"Card {cardNumber} was written by another activation: this write expected version {expectedVersion} and stored nothing.")
    {
        CardNumber = cardNumber;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The card whose write failed.</summary>
    public string? CardNumber { get; }

    /// <summary>The version the write expected (0: no row).</summary>
    public long ExpectedVersion { get; }
}
