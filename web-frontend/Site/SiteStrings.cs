namespace Loyalty.Web.Site;

/// <summary>
/// The site's texts (storefront, portal, error pages): <c>SiteStrings.resx</c> (English) and its fr, de and lb
/// translations beside this file. Pages read them through <c>IStringLocalizer&lt;SiteStrings&gt;</c>.
/// </summary>
public sealed class SiteStrings;
