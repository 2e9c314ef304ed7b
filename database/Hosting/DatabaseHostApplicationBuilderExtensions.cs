using Microsoft.Extensions.Hosting;

namespace Loyalty.Database;

/// <summary>The one call a host makes for its database: <c>builder.AddLoyaltyDatabase()</c>.</summary>
public static class DatabaseHostApplicationBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="LoyaltyDatabase"/> from the host's configuration (see
    /// <see cref="DatabaseServiceCollectionExtensions.AddLoyaltyDatabase"/>): it starts before every other hosted
    /// service, so Orleans configured with <see cref="OrleansSiloBuilderExtensions"/> or
    /// <see cref="OrleansClientBuilderExtensions"/> finds its tables.
    /// </summary>
    public static TBuilder AddLoyaltyDatabase<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        return builder;
    }
}
