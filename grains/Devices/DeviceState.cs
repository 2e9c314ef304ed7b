using Loyalty.GrainInterfaces.Devices;

namespace Loyalty.Grains.Devices;

/// <summary>A paired device as its grain persists it; <see cref="TokenHash"/> is empty until the device is paired.</summary>
public sealed record DeviceState
{
    public Guid StoreId { get; init; }

    public Guid MerchantId { get; init; }

    public string Name { get; init; } = "";

    /// <summary>SHA-256 of the device token; the token itself is never stored.</summary>
    public byte[] TokenHash { get; init; } = [];

    public DeviceStatus Status { get; init; }

    public DateTimeOffset PairedAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Stamps given today per program id, for programs with a per-device daily cap.</summary>
    public IReadOnlyDictionary<string, DeviceStampTally> StampTallies { get; init; } = new Dictionary<string, DeviceStampTally>();

    /// <summary>The last stamp decisions by idempotency key, so a retried stamp is not counted twice.</summary>
    public IReadOnlyList<CountedStamps> RecentStampKeys { get; init; } = [];

    public bool Exists => TokenHash.Length > 0;
}
