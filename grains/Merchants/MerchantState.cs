using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Pins;

namespace Loyalty.Grains.Merchants;

/// <summary>The merchant grain's persisted state; <see cref="Slug"/> is null until the merchant is created.</summary>
public sealed record MerchantState
{
    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string DefaultLocale { get; init; } = "en";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The staff PIN lockout the merchant chose; null keeps the contract's default.</summary>
    public PinLockoutSettings? PinLockout { get; init; }

    [JsonIgnore]
    public bool Exists => Slug is not null;
}
