using Loyalty.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Membership;

/// <summary>Registers silo membership; part of <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>.</summary>
internal static class MembershipServiceCollectionExtensions
{
    /// <summary>
    /// Register before the grain runtime's hosted service: hosted services stop in reverse order, and the silo
    /// must leave the cluster (become dead) only after the runtime has drained.
    /// </summary>
    public static IServiceCollection AddLoyaltyMembership(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMembershipView(configuration);
        services.TryAddSingleton<MembershipService>();
        services.AddHostedService<LazyHostedService<MembershipService>>();
        return services;
    }

    /// <summary>What reads membership without joining it: a silo's view, and all a pure client has.</summary>
    public static IServiceCollection AddMembershipView(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MembershipOptions>()
            .Bind(configuration.GetSection(MembershipOptions.SectionName))
            .Configure<IOptions<RuntimeOptions>>((o, runtime) => o.ServiceId = runtime.Value.ServiceId)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>());
        services.TryAddSingleton<ClusterMembership>();
        services.TryAddSingleton<IClusterMembership>(sp => sp.GetRequiredService<ClusterMembership>());
        services.TryAddSingleton<PostgresMembershipTable>();
        services.TryAddSingleton<MembershipNotificationListener>();
        services.TryAddSingleton<MembershipViewReader>();
        return services;
    }
}
