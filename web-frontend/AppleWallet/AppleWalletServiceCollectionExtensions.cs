using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>Apple Wallet's services; its endpoints are always mapped and answer 404 while it is not configured.</summary>
public static class AppleWalletServiceCollectionExtensions
{
    public static IServiceCollection AddAppleWallet(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AppleWalletOptions.SectionName);
        services.AddOptions<AppleWalletOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppleWalletOptions>, AppleWalletOptionsValidator>();
        services.AddSingleton<PassCertificates>();
        services.AddSingleton<ApplePassTokens>();
        services.AddSingleton<ApplePassRegistrations>();
        services.AddSingleton<ApplePasses>();
        services.AddSingleton<PassKitAuthentication>();
        services.TryAddSingleton<IApplePassPushNotifier, LoggingApplePassPushNotifier>();
        services.AddSingleton<ApplePassPushWatcher>();
        if (Loyalty.Grains.Customers.AppleWalletLinks.IsEnabled(section[nameof(AppleWalletOptions.PassTypeIdentifier)]))
            services.AddHostedService(provider => provider.GetRequiredService<ApplePassPushWatcher>());
        return services;
    }
}
