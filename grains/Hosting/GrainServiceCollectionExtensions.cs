using Loyalty.Database;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Catalog;
using Loyalty.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Grains.Hosting;

/// <summary>What the grains of this assembly need besides Orleans: their schema and their services.</summary>
public static class GrainServiceCollectionExtensions
{
    public static IServiceCollection AddLoyaltyGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMigrations("loyalty", typeof(GrainServiceCollectionExtensions).Assembly);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource>(CryptoRandomSource.Instance);
        services.TryAddSingleton<SlugLookup>();
        services.AddLoyaltyStorage(provider => provider.GetRequiredService<LoyaltyDatabase>().DataSource);
        return services;
    }
}
