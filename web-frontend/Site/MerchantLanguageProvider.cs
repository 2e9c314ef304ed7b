using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Localization;

namespace Loyalty.Web.Site;

/// <summary>
/// The last choice before English: on a merchant's pages (<c>/m/{merchantSlug}/...</c>), the merchant's default
/// language. Runs after routing, so the slug comes from the route.
/// </summary>
public sealed class MerchantLanguageProvider : RequestCultureProvider
{
    public const string SlugRouteValue = "merchantSlug";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.GetRouteValue(SlugRouteValue) is not string slug)
            return null;
        var merchant = await httpContext.RequestServices.GetRequiredService<StorefrontCatalog>()
            .FindMerchantAsync(slug, httpContext.RequestAborted);
        return merchant is null ? null : new ProviderCultureResult(merchant.DefaultLocale);
    }
}
