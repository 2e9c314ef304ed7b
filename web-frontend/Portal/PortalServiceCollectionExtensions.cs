namespace Loyalty.Web.Portal;

/// <summary>The customer portal's services: its read models, sign-in links and limits, and the customer session.</summary>
public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddCustomerPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PortalDirectory>();
        services.AddSingleton<PortalCards>();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<SignInLimiter>();
        services.AddAuthentication().AddCustomerSession();
        services.AddAuthorizationBuilder().AddCustomerPolicy();
        return services;
    }
}
