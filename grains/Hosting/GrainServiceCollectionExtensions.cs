using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Catalog;
using Loyalty.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Grains.Hosting;

/// <summary>What the grains of this assembly need besides the runtime: their schema and their services.</summary>
public static class GrainServiceCollectionExtensions
{
    public static IServiceCollection AddLoyaltyGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMigrations("grains", typeof(GrainServiceCollectionExtensions).Assembly);
        services.AddGrainAssembly(typeof(GrainServiceCollectionExtensions).Assembly);
        services.TryAddSingleton<IRandomSource>(CryptoRandomSource.Instance);
        services.TryAddSingleton<SlugLookup>();
        return services;
    }
}
