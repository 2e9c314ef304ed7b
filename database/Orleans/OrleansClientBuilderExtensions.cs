using Orleans.Hosting;

namespace Loyalty.Database;

/// <summary>An Orleans client that finds the silos' gateways in <see cref="LoyaltyDatabase"/>.</summary>
public static class OrleansClientBuilderExtensions
{
    /// <summary>
    /// Reads the active gateways from <c>OrleansMembershipTable</c>. The host must also call
    /// <c>builder.AddLoyaltyDatabase()</c>, and the client's <c>ClusterOptions.ClusterId</c> must match the silos'.
    /// </summary>
    public static IClientBuilder UseLoyaltyDatabaseClustering(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseAdoNetClustering(options => options.ConfigureFromLoyaltyDatabase());
    }
}
