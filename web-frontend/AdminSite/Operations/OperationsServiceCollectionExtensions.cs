namespace Loyalty.Web.AdminSite.Operations;

/// <summary>The services of the admin operations pages (staff PINs, devices, cluster).</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddAdminOperations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<OperationsStores>();
        return services;
    }
}
