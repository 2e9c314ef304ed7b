using System.Text.Json.Serialization;

namespace Loyalty.Grains.Merchants;

/// <summary>The merchant grain's persisted state; <see cref="Slug"/> is null until the merchant is created.</summary>
public sealed record MerchantState
{
    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string DefaultLocale { get; init; } = "en";

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore]
    public bool Exists => Slug is not null;
}
