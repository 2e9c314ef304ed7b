namespace Loyalty.Web.Storefront;

/// <summary>A merchant as the storefront shows it.</summary>
public sealed record StorefrontMerchant(Guid Id, string Name, string Slug, string DefaultLocale);
