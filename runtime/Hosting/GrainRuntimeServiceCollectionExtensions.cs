using System.Reflection;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Cluster;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Hosting;

/// <summary>Registers the grain runtime: activations, calls, persistence, membership and reminders.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the silo-side runtime hosting the grain classes of <paramref name="grainAssemblies"/>.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(grainAssemblies);

        services.AddOptions<RuntimeOptions>().Bind(configuration.GetSection(RuntimeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton<GrainStateSerializer>();
        foreach (var assembly in grainAssemblies)
        {
            services.AddGrainAssembly(assembly);
        }

        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<GrainPlacement>();
        services.TryAddSingleton<IReminderRanges, PlacementReminderRanges>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddOptions<PersistenceOptions>().Bind(configuration.GetSection("Loyalty:Persistence"));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>());
        services.TryAddSingleton<PostgresGrainStateStore>();
        services.TryAddSingleton<IGrainStateStore>(sp => sp.GetRequiredService<PostgresGrainStateStore>());
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection("Loyalty:Reminders"));
        services.TryAddSingleton<IReminderTickSink>(sp => sp.GetRequiredService<GrainRuntime>());

        // One service id for every table: the runtime's setting is the one operators configure.
        services.AddOptions<PersistenceOptions>().Configure<IOptions<RuntimeOptions>>((o, runtime) => o.ServiceId = runtime.Value.ServiceId);
        services.AddOptions<ReminderOptions>().Configure<IOptions<RuntimeOptions>>((o, runtime) => o.ServiceId = runtime.Value.ServiceId);
        services.TryAddSingleton<IClusterStatusProvider, MembershipClusterStatusProvider>();

        // Before the runtime's hosted service, so that the silo leaves the cluster only after the runtime drained.
        services.AddLoyaltyMembership(configuration);
        services.AddHostedService<GrainRuntimeHostedService>();
        services.AddLoyaltyReminders();
        return services;
    }

    /// <summary>Makes the silo host the grain classes of one more assembly (tests add theirs this way).</summary>
    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddSingleton(new GrainAssembly(assembly));
        return services;
    }
}
