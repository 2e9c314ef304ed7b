namespace Loyalty.Grains.Pairing;

/// <summary>An issued pairing code as its grain persists it.</summary>
public sealed record PairingCodeState
{
    public Guid StoreId { get; init; }

    public Guid MerchantId { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RedeemedAt { get; init; }

    public bool Issued => StoreId != Guid.Empty;
}
