using System.Reflection;
using Loyalty.Runtime.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Loyalty.Runtime.Hosting;

/// <summary>Registers the database: register it before anything that uses it, since hosted services start in order.</summary>
public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddLoyaltyDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(LoyaltyDatabase)))
        {
            return services;
        }

        services.AddOptions<DatabaseOptions>().Configure(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Loyalty");
            o.DataDirectory = configuration["Loyalty:DataDirectory"] is { Length: > 0 } directory ? directory : o.DataDirectory;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchemaMigrator>();
        services.AddSingleton(MigrationSource.Runtime);
        services.AddSingleton<LoyaltyDatabase>();
        services.AddHostedService(sp => sp.GetRequiredService<LoyaltyDatabase>());

        // Resolve it only after start-up (hosted services that need it start lazily: see LazyHostedService).
        services.AddSingleton(sp => sp.GetRequiredService<LoyaltyDatabase>().DataSource);
        return services;
    }

    /// <summary>Adds a module's migrations (embedded <c>Migrations/NNNN_name.sql</c> files), applied at start-up in module order.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, string module, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new MigrationSource(module, assembly));
        return services;
    }
}
