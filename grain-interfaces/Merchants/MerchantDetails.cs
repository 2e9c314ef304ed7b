namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>A merchant as its grain reports it.</summary>
/// <param name="Id">The merchant id (the grain key).</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name, unique across merchants.</param>
/// <param name="DefaultLocale">The language texts fall back to (en, fr, de or lb).</param>
/// <param name="CreatedAt">When the merchant was created.</param>
public sealed record MerchantDetails(Guid Id, string Name, string Slug, string DefaultLocale, DateTimeOffset CreatedAt);
