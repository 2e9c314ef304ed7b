using System.Text.Encodings.Web;
using System.Text.Unicode;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;

namespace Loyalty.Web.Site;

/// <summary>The site for people: Razor Pages under <c>Pages/</c>, its localization, static files and HTML error pages.</summary>
public static class SiteHostingExtensions
{
    public static WebApplicationBuilder AddLoyaltySite(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddLocalization();
        services.AddRazorPages();
        // Pages are UTF-8: let Razor write é, ä and ë as themselves rather than as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "loyalty-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<StorefrontCatalog>();
        services.AddOptions<StorefrontOptions>().Bind(builder.Configuration.GetSection(StorefrontOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy<string, StorefrontRateLimits>(StorefrontRateLimits.Enrollment));
        return builder;
    }

    /// <summary>
    /// Site requests only: the visitor's language, then HTML error pages in it (<c>/error/{status}</c>). Placed after the
    /// APIs' exception handler and status-code pages, so these run first for site requests; API requests pass through
    /// untouched (<see cref="SiteErrorPages"/>). The status-code pages are not in a branch: only the application's own
    /// pipeline can route the re-executed <c>/error/{status}</c> request.
    /// </summary>
    public static WebApplication UseLoyaltySite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles();
        app.UseWhen(SitePaths.IsSite, site =>
        {
            site.UseRequestLocalization(SiteLanguages.Options());
            site.Use(async (context, next) =>
            {
                SiteLanguages.Remember(context);
                await next(context);
            });
        });
        app.UseStatusCodePagesWithReExecute(SitePaths.ErrorPage + "/{0}");
        app.UseMiddleware<SiteErrorPages>();
        return app;
    }

    public static WebApplication MapLoyaltySite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        return app;
    }
}
