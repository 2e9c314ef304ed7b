namespace Loyalty.Grains.Storage;

/// <summary>
/// A card write's idempotency record hit the primary key of <c>idempotency_keys</c> (<c>idempotency_keys_pkey</c>): the
/// merchant's key was already used, by another card or by an activation that wrote in between. Only this write failed,
/// and nothing of it was stored (neither the card's row nor any of its other rows).
/// </summary>
public sealed class IdempotencyKeyInUseException : Exception
{
    public IdempotencyKeyInUseException()
    {
    }

    public IdempotencyKeyInUseException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IdempotencyKeyInUseException(Guid merchantId, string key, string cardNumber, Exception innerException)
        : base($"Idempotency key '{key}' of merchant {merchantId} is already in use; the write of card {cardNumber} stored nothing.", innerException)
    {
        MerchantId = merchantId;
        Key = key;
    }

    /// <summary>The merchant the key belongs to.</summary>
    public Guid MerchantId { get; }

    /// <summary>The idempotency key in use.</summary>
    public string? Key { get; }
}
