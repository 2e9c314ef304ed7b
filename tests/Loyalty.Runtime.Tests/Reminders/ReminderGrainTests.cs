using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>Reminders end to end: registered by a grain, delivered to it as calls, across host restarts.</summary>
public sealed class ReminderGrainTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _time = new();
    private readonly GrainProbe _probe = new();

    [Fact]
    public async Task ReceiveReminderAsync_AcrossRestartAndOutage_FiresOnScheduleWithOneCatchUpTick()
    {
        var key = Guid.NewGuid().ToString("N");
        var ticks = _probe.For(GrainId.Create("reminder", key)).Ticks;
        var start = _time.GetUtcNow();

        var silo = await StartSiloAsync();
        await AfterPassAsync(silo, () => silo.GrainFactory.GetGrain<IReminderGrain>(key).StartAsync(Period, Period));
        await StepAsync(silo, Period);
        await StepAsync(silo, Period);
        Assert.Equal([start + Period, start + (2 * Period)], ticks.Select(t => t.CurrentTickTime));

        // A restart neither re-fires the delivered ticks nor delays the next one.
        await silo.DisposeAsync();
        silo = await StartSiloAsync();
        Assert.Equal(2, ticks.Count);
        await StepAsync(silo, Period);
        Assert.Equal(start + (3 * Period), ticks.Last().CurrentTickTime);

        // Ten periods of downtime give exactly one catch-up tick, for the latest missed time, then the schedule resumes.
        await silo.DisposeAsync();
        _time.Advance(10 * Period);
        silo = await StartSiloAsync();
        await StepAsync(silo, Period);
        await silo.DisposeAsync();

        Assert.Equal(
            [start + Period, start + (2 * Period), start + (3 * Period), start + (13 * Period), start + (14 * Period)],
            ticks.Select(t => t.CurrentTickTime));
        Assert.All(ticks, t => Assert.Equal(start + Period, t.FirstTickTime));
    }

    [Fact]
    public async Task StopAsync_UnregisteredReminder_NoLongerFires()
    {
        var key = Guid.NewGuid().ToString("N");
        var ticks = _probe.For(GrainId.Create("reminder", key)).Ticks;
        await using var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>(key);
        await AfterPassAsync(silo, () => grain.StartAsync(Period, Period));
        await StepAsync(silo, Period);

        await grain.StopAsync();
        await StepAsync(silo, Period);

        Assert.Single(ticks);
    }

    private async Task<TestSilo> StartSiloAsync()
    {
        var silo = await TestSilo.StartAsync(database.ConnectionString, typeof(ReminderGrain).Assembly, _time, configureServices: s => s.AddSingleton(_probe));
        await Eventually.TrueAsync(() => Service(silo).NextWakeUp is not null, "the reminder service finished its first pass");
        return silo;
    }

    /// <summary>Moves the clock to the service's next wake-up and waits until it has delivered and sleeps again.</summary>
    private Task StepAsync(TestSilo silo, TimeSpan by) => AfterPassAsync(silo, () =>
    {
        _time.Advance(by);
        return Task.CompletedTask;
    });

    private static async Task AfterPassAsync(TestSilo silo, Func<Task> action)
    {
        var service = Service(silo);
        var passes = service.IdlePasses;
        await action();
        await Eventually.TrueAsync(() => service.IdlePasses > passes && service.NextWakeUp is not null, "the reminder service went back to sleep");
    }

    private static ReminderService Service(TestSilo silo) => silo.Services.GetRequiredService<ReminderService>();
}
