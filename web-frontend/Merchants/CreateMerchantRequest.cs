namespace Loyalty.Web.Merchants;

/// <summary>Body of <c>POST /merchants</c>. Everything is nullable so a missing field is a field error, not a 500.</summary>
public sealed record CreateMerchantRequest(string? Name, string? Slug, string? DefaultLocale);
