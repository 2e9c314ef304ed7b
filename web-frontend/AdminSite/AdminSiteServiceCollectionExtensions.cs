using Loyalty.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.AdminSite;

/// <summary>The admin site's services: accounts, the cookie scheme, and the flash messages' TempData cookie.</summary>
public static class AdminSiteServiceCollectionExtensions
{
    public static IServiceCollection AddAdminSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAdminAccounts(configuration);
        // Flash messages live one redirect in TempData's cookie: the admin site's only, strict like its session.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "loyalty-admin-flash";
            options.Cookie.Path = AdminPaths.Root;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
