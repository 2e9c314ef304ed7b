using Loyalty.Database;
using Loyalty.Grains.Cards;
using Loyalty.Wallet.Api;
using Loyalty.Wallet.Check;
using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Rate;
using Loyalty.Wallet.Resync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Hosting;

/// <summary>Google Wallet: its settings, the Wallet API client, save links, the check; on silos also its schema and resync.</summary>
public static class WalletServiceCollectionExtensions
{
    /// <summary>
    /// What every host needs for Google Wallet (settings, links for the buttons, the API client, the admin check), without
    /// the schema, which silos apply. Needs the database and <c>AddLoyaltyCustomerLinks</c> on the host. Idempotent.
    /// </summary>
    public static IServiceCollection AddLoyaltyGoogleWallet(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(GoogleWalletLinks)))
        {
            return services;
        }

        services.AddOptions<GoogleWalletOptions>()
            .Bind(configuration.GetSection(GoogleWalletOptions.SectionName))
            .Validate(o => o.Problem() is null, "Loyalty:Wallet:Google: IssuerId (digits), ServiceAccountKeyFile and LogoUrl (absolute http(s) URL) go together; Origins are absolute URLs.")
            .Validate(o => o.LimitProblem() is null, "Loyalty:Wallet:Google: RequestsPerSecond 1 to 1000, NotificationsPerWindow 0 to 3, positive delays, MaxRetryDelay at least FirstRetryDelay.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GoogleWalletLinks>();
        services.AddSingleton<GoogleServiceAccount>();
        services.AddSingleton<GoogleWalletRateLimiter>();
        services.AddSingleton<SaveLinkSigner>();
        services.AddSingleton<PassStore>();
        services.AddHttpClient<GoogleWalletApi>((provider, http) =>
        {
            var settings = provider.GetRequiredService<IOptions<GoogleWalletOptions>>().Value;
            var baseUrl = settings.ApiBaseUrl.AbsoluteUri;
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

            // Each request has its own deadline (RequestTimeout, on the injected clock); this is only the backstop.
            http.Timeout = settings.RequestTimeout + TimeSpan.FromSeconds(5);
        });
        services.AddHttpClient(GoogleWalletCheck.LogoClient, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<GoogleWalletOptions>>().Value.RequestTimeout);
        services.AddTransient<GoogleWalletCheck>();
        return services;
    }

    /// <summary>
    /// <see cref="AddLoyaltyGoogleWallet"/>, the schema (module <c>wallet</c>, after the application's) and, when Google
    /// Wallet is configured, the listener that tells pass grains about committed card writes: for silos.
    /// </summary>
    public static IServiceCollection AddLoyaltyGoogleWalletResync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLoyaltyGoogleWallet(configuration);
        services.AddMigrations("wallet", typeof(WalletServiceCollectionExtensions).Assembly);
        var settings = new GoogleWalletOptions();
        configuration.GetSection(GoogleWalletOptions.SectionName).Bind(settings);
        if (settings.Enabled)
        {
            services.AddSingleton<ICardChangeListener, GoogleWalletCardListener>();
        }

        return services;
    }
}
