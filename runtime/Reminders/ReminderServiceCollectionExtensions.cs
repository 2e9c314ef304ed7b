using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Reminders;

/// <summary>Registers durable reminders. The host also provides an <c>NpgsqlDataSource</c> (resolved once the host starts) and an <see cref="IReminderTickSink"/>.</summary>
public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddLoyaltyReminders(this IServiceCollection services, Action<ReminderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ReminderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(Validates, "Invalid ReminderOptions.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton<ReminderWakeSignal>();
        services.TryAddSingleton<IReminderRanges, WholeRingReminderRanges>();
        services.TryAddSingleton<PostgresReminderTable>();
        services.TryAddSingleton<IReminderRegistry, ReminderRegistry>();
        services.TryAddSingleton<ReminderService>();
        services.AddHostedService<LazyHostedService<ReminderService>>();
        return services;
    }

    private static bool Validates(ReminderOptions options)
    {
        // Validate throws with the offending setting named; that message is more useful than a bare false.
        options.Validate();
        return true;
    }
}
