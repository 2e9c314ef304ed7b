using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Grains.Storage;

/// <summary>Registers the card store and the row writer.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CardStore"/> and <see cref="RowWriter"/> as singletons, with <see cref="CardStoreOptions"/> bound
    /// from <c>Loyalty:Persistence</c> and validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="dataSource">
    /// The database's data source, asked for on each use, for example
    /// <c>services =&gt; services.GetRequiredService&lt;LoyaltyDatabase&gt;().DataSource</c>.
    /// </param>
    public static IServiceCollection AddLoyaltyStorage(this IServiceCollection services, Func<IServiceProvider, NpgsqlDataSource> dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.AddOptions<CardStoreOptions>().BindConfiguration(CardStoreOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardStoreOptions>, CardStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new CardStore(
            () => dataSource(provider),
            provider.GetRequiredService<IOptions<CardStoreOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<CardStore>>()));
        services.TryAddSingleton(provider => new RowWriter(() => dataSource(provider)));
        return services;
    }
}
