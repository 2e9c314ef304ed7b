using Microsoft.AspNetCore.Identity;

namespace Loyalty.Web.Accounts;

/// <summary>The admin site's accounts: store, password hashing, lockout options, the first platform admin, the cookie scheme.</summary>
public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAdminAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdminLockoutOptions>().Bind(configuration.GetSection(AdminLockoutOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPasswordHasher<AdminAccount>, PasswordHasher<AdminAccount>>();
        services.AddSingleton<AdminAccountStore>();
        services.AddHostedService<BootstrapAccountInitializer>();
        services.AddAuthentication().AddAdminCookie();
        return services;
    }
}
