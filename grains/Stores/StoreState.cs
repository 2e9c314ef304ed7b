using System.Text.Json.Serialization;

namespace Loyalty.Grains.Stores;

/// <summary>The store grain's persisted state; <see cref="Slug"/> is null until the store is created.</summary>
public sealed record StoreState
{
    public Guid MerchantId { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? TimeZone { get; init; }

    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore]
    public bool Exists => Slug is not null;
}
