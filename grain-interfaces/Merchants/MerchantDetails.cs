namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>A merchant as its grain reports it.</summary>
/// <param name="Id">The merchant id (the grain key).</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name, unique across merchants.</param>
/// <param name="DefaultLocale">The language texts fall back to (en, fr, de or lb).</param>
/// <param name="CreatedAt">When the merchant was created.</param>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.merchants.MerchantDetails")]
public sealed record MerchantDetails(
    [Id(0)] Guid Id,
    [Id(1)] string Name,
    [Id(2)] string Slug,
    [Id(3)] string DefaultLocale,
    [Id(4)] DateTimeOffset CreatedAt);
