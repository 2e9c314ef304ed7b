using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Tests.Reminders;

public sealed class ReminderServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLoyaltyReminders_ResolvesTheRegistryAndTheHostedService()
    {
        await using var provider = BuildProvider(options => options.ServiceId = "di");

        Assert.IsType<ReminderRegistry>(provider.GetRequiredService<IReminderRegistry>());
        // The service is built only when the host starts it: it needs the database, which starts first.
        Assert.IsType<LazyHostedService<ReminderService>>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.NotNull(provider.GetRequiredService<ReminderService>());
    }

    [Fact]
    public async Task AddLoyaltyReminders_InvalidOptions_FailWithTheSettingNamed()
    {
        await using var provider = BuildProvider(options => options.RefreshPeriod = TimeSpan.Zero);

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<ReminderOptions>>().Value);

        Assert.Contains("ReminderOptions.RefreshPeriod", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Action<ReminderOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();

        // Never connects: these tests only build the object graph.
        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"));
        services.AddSingleton<IReminderTickSink, RecordingTickSink>();
        services.AddLoyaltyReminders(configure);
        return services.BuildServiceProvider();
    }
}
