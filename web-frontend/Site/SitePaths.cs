namespace Loyalty.Web.Site;

/// <summary>
/// Which requests are the site's (HTML pages for people: storefront, portal, error pages) and which are the machine
/// APIs. API requests keep their problem+json errors and invariant culture; site requests get localized HTML pages.
/// </summary>
public static class SitePaths
{
    public const string ErrorPage = "/error";

    private static readonly PathString[] ApiPrefixes = ["/api", "/openapi", "/healthz", "/admin/orleans"];

    public static bool IsSite(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return !ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
