using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Database;

/// <summary>Registers the database and the modules' migrations.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LoyaltyDatabase"/> (from <c>ConnectionStrings:Loyalty</c>, else an embedded server in
    /// <c>Loyalty:DataDirectory</c>) as the first hosted service, with the <c>orleans</c> module's migrations.
    /// Idempotent.
    /// </summary>
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
        services.AddSingleton(MigrationSource.Orleans);
        services.AddSingleton<LoyaltyDatabase>();

        // Hosted services start one after another in registration order, so the database goes first wherever this
        // call sits (UseOrleans may have run before it): the silo, the client and everything else then find the
        // server running and the schema migrated. They stop in reverse order, so the database stops last.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<LoyaltyDatabase>()));

        // Resolve it only from StartAsync onwards: the host constructs every hosted service before starting any.
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
