namespace Loyalty.Grains.Pins;

/// <summary>A staff PIN as its grain persists it. <see cref="PinHash"/> is empty until the PIN is created.</summary>
public sealed record PinState
{
    public Guid StoreId { get; init; }

    public Guid MerchantId { get; init; }

    public string Name { get; init; } = "";

    public string PinHash { get; init; } = "";

    /// <summary>The PIN's length, for the offline-verifier policy; 0 when unknown (PINs created before it was kept).</summary>
    public int Digits { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public PinAttemptState Attempts { get; init; } = new();

    public bool Exists => PinHash.Length > 0;
}
