using Loyalty.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.AdminSite;

/// <summary>The admin site's services: accounts, the cookie scheme, and the flash messages' TempData cookie.</summary>
public static class AdminSiteServiceCollectionExtensions
{
    public static IServiceCollection AddAdminSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAdminAccounts(configuration);
        services.AddSingleton<Audit.AuditSearch>();
        // Flash messages live one redirect in TempData's cookie. The storefront carries its enrolment notice to the card
        // page (/m/...) in the same cookie, so it is the whole site's, not only /admin's.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "loyalty-flash";
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
