namespace Loyalty.Web.Site;

/// <summary>The ViewData keys the shared layout reads.</summary>
public static class SiteView
{
    /// <summary>The page's own title; the layout appends the merchant's name (or the site's).</summary>
    public const string TitleKey = "Title";

    /// <summary>The <see cref="Storefront.StorefrontMerchant"/> whose pages these are: its name heads the page.</summary>
    public const string MerchantKey = "Merchant";
}
