using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Loyalty.Database;

/// <summary>
/// Points Orleans' ADO.NET provider options at <see cref="LoyaltyDatabase"/>: invariant <c>Npgsql</c> and the
/// database's pool.
/// </summary>
/// <remarks>
/// Orleans 10.4.2 reads these options while the host constructs its hosted services (the silo's hosted service
/// validates them in its constructor), before any hosted service has started. A connection string cannot be known
/// then: an embedded server picks its port when it starts. So the options get a data source that exists from the
/// start and opens connections through <see cref="LoyaltyDatabase.DataSource"/> once the database has started,
/// which is before the silo or client starts and first connects.
/// </remarks>
public static class OrleansOptionsBuilderExtensions
{
    /// <summary>The ADO.NET invariant name Orleans uses for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public static OptionsBuilder<AdoNetClusteringSiloOptions> ConfigureFromLoyaltyDatabase(this OptionsBuilder<AdoNetClusteringSiloOptions> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure<IServiceProvider>((options, services) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = null;
            options.DataSource = DatabaseOf(services).DeferredDataSource;
        });
    }

    public static OptionsBuilder<AdoNetClusteringClientOptions> ConfigureFromLoyaltyDatabase(this OptionsBuilder<AdoNetClusteringClientOptions> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure<IServiceProvider>((options, services) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = null;
            options.DataSource = DatabaseOf(services).DeferredDataSource;
        });
    }

    public static OptionsBuilder<AdoNetGrainStorageOptions> ConfigureFromLoyaltyDatabase(this OptionsBuilder<AdoNetGrainStorageOptions> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure<IServiceProvider>((options, services) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = null;
            options.DataSource = DatabaseOf(services).DeferredDataSource;
        });
    }

    public static OptionsBuilder<AdoNetReminderTableOptions> ConfigureFromLoyaltyDatabase(this OptionsBuilder<AdoNetReminderTableOptions> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure<IServiceProvider>((options, services) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = null;
            options.DataSource = DatabaseOf(services).DeferredDataSource;
        });
    }

    private static LoyaltyDatabase DatabaseOf(IServiceProvider services) =>
        services.GetService<LoyaltyDatabase>() ?? throw new InvalidOperationException(
            "Orleans is configured to use the Loyalty database, but the database is not registered: call builder.AddLoyaltyDatabase() " +
            "(or services.AddLoyaltyDatabase(configuration)) in the same host.");
}
