namespace Loyalty.Grains.Storage;

/// <summary>
/// A card write failed for a reason of its own other than a version conflict or an idempotency key in use (a row broke
/// another constraint, a value was refused), or the database failed (the inner exception says which). Nothing of a
/// write that failed for a reason of its own was stored, and the other writes of its batch were not affected. When the
/// connection failed while the batch was committing, the outcome is unknown: either way the activation must reload the
/// card before writing again.
/// </summary>
public sealed class CardWriteException : Exception
{
    public CardWriteException()
    {
    }

    public CardWriteException(string message)
        : base(message)
    {
    }

    public CardWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardWriteException(string cardNumber, long expectedVersion, Exception innerException)
        : base($"Writing card {cardNumber} (expected version {expectedVersion}) failed: {innerException?.Message}", innerException)
    {
        CardNumber = cardNumber;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The card whose write failed.</summary>
    public string? CardNumber { get; }

    /// <summary>The version the write expected (0: no row).</summary>
    public long ExpectedVersion { get; }
}
