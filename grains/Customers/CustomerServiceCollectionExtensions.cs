using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Customers;

/// <summary>What every process that talks to customers needs: the shared Data Protection key ring and the link maker.</summary>
public static class CustomerServiceCollectionExtensions
{
    /// <summary>The application name every process protects under: changing it makes every issued link unreadable.</summary>
    public const string DataProtectionApplicationName = "loyalty";

    /// <summary>
    /// Data Protection with its keys in PostgreSQL (table <c>data_protection_keys</c>), and <see cref="CustomerLinks"/>
    /// from <c>Loyalty:PublicBaseUrl</c>, with <see cref="AppleWalletLinks"/> (whether Apple Wallet is configured, and its
    /// download address). Needs the database on the host.
    /// </summary>
    public static IServiceCollection AddLoyaltyCustomerLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<PostgresKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<PostgresKeyRepository>()));
        services.AddOptions<CustomerLinkOptions>()
            .Configure(options =>
            {
                if (configuration[CustomerLinkOptions.Key] is { Length: > 0 } value)
                {
                    options.PublicBaseUrl = new Uri(value, UriKind.RelativeOrAbsolute);
                }
            })
            .Validate(options => options.PublicBaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps),
                $"{CustomerLinkOptions.Key} must be an absolute http or https address.")
            .ValidateOnStart();
        services.AddSingleton<CustomerLinks>();
        services.AddSingleton(_ => new AppleWalletLinks(configuration));
        return services;
    }
}
