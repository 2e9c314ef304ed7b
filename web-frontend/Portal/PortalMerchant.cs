namespace Loyalty.Web.Portal;

/// <summary>The merchant whose portal a request is for (from the <c>merchantSlug</c> in its address).</summary>
public sealed record PortalMerchant(Guid MerchantId, string Name, string Slug, string DefaultLocale);
