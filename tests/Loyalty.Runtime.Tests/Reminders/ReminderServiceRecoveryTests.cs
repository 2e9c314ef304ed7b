using Loyalty.Runtime.Core;
using Npgsql;
using static Loyalty.Runtime.Tests.Reminders.ReminderServiceTests;

namespace Loyalty.Runtime.Tests.Reminders;

[Collection(ReminderDatabaseCollection.Name)]
public sealed class ReminderServiceRecoveryTests(ReminderTestDatabase database)
{
    private static readonly GrainId Grain = GrainId.Create("card", "c1");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Restart_DoesNotRedeliverAndKeepsTheSchedule()
    {
        await using var harness = new ReminderHarness(database);
        await harness.StartServiceAsync();
        var start = (await harness.RegisterAsync(Grain, "expiry", Minute, Minute)).StartAt;
        await harness.AdvanceAsync(Minute);

        await harness.StopServiceAsync();
        await harness.StartServiceAsync();

        Assert.Equal([Tick(start, Minute, start)], harness.Sink.Delivered);
        Assert.Equal(start + Minute, harness.Service!.NextWakeUp);
        await harness.AdvanceAsync(Minute);
        Assert.Equal([Tick(start, Minute, start), Tick(start, Minute, start + Minute)], harness.Sink.Delivered);
    }

    [Fact]
    public async Task Restart_WithNextDueBehindTheLastFiredTick_DoesNotRedeliver()
    {
        await using var harness = new ReminderHarness(database);
        var entry = await harness.RegisterAsync(Grain, "expiry", TimeSpan.Zero, Minute);
        var start = entry.StartAt;
        // As if a process recorded the tick but a stale writer left next_due on it.
        Assert.Equal(2, await harness.Table.TryRecordTickAsync(Grain, "expiry", entry.Version, start, start));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));

        await harness.StartServiceAsync();

        Assert.Empty(harness.Sink.Attempts);
        Assert.Equal(entry with { NextDue = start + Minute, LastFiredTick = start, Version = 3 }, await harness.Registry.GetAsync(Grain, "expiry"));
    }

    [Fact]
    public async Task Outage_OfTenPeriods_DeliversExactlyOneCatchUpTickThenKeepsTheSchedule()
    {
        await using var harness = new ReminderHarness(database);
        await harness.StartServiceAsync();
        var entry = await harness.RegisterAsync(Grain, "expiry", Minute, Minute);
        var start = entry.StartAt;
        await harness.AdvanceAsync(Minute);
        await harness.StopServiceAsync();

        await harness.AdvanceAsync((10 * Minute) + TimeSpan.FromSeconds(30));
        await harness.StartServiceAsync();

        var catchUp = start + (10 * Minute);
        Assert.Equal([Tick(start, Minute, start), Tick(start, Minute, catchUp)], harness.Sink.Delivered);
        Assert.Equal(entry with { NextDue = catchUp + Minute, LastFiredTick = catchUp, Version = 3 }, await harness.Registry.GetAsync(Grain, "expiry"));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([Tick(start, Minute, start), Tick(start, Minute, catchUp), Tick(start, Minute, catchUp + Minute)], harness.Sink.Delivered);
    }

    [Fact]
    public async Task DatabaseDown_ReadsAgainOncePerRetryDelay()
    {
        // Nothing listens on port 1: every read fails at once, as while the database is down.
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5");
        await using var harness = new ReminderHarness(database, dataSource: unreachable);

        await harness.StartServiceAsync();
        Assert.Equal(harness.Now + TimeSpan.FromSeconds(10), harness.Service!.NextWakeUp);
        Assert.Equal(1, harness.Service.IdlePasses);

        // Past the retry delay, counted from the last failure: one more read, then the same wait again.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(harness.Now + TimeSpan.FromSeconds(10), harness.Service.NextWakeUp);
        Assert.Equal(2, harness.Service.IdlePasses);
        Assert.Empty(harness.Sink.Attempts);
    }

    [Fact]
    public async Task FailingDelivery_IsRetriedAfterTheRetryDelayWithoutAdvancing()
    {
        await using var harness = new ReminderHarness(database);
        var failures = 2;
        harness.Sink.OnDeliver = (_, _) => Interlocked.Decrement(ref failures) >= 0
            ? throw new InvalidOperationException("grain unavailable")
            : Task.CompletedTask;
        await harness.StartServiceAsync();
        var period = TimeSpan.FromHours(1);
        var entry = await harness.RegisterAsync(Grain, "expiry", Minute, period);
        var start = entry.StartAt;

        await harness.AdvanceAsync(Minute);
        Assert.Equal([Tick(start, period, start)], harness.Sink.Attempts);
        Assert.Empty(harness.Sink.Delivered);
        Assert.Equal(entry with { NextDue = start.AddSeconds(10), Version = 2 }, await harness.Registry.GetAsync(Grain, "expiry"));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.Sink.Attempts.Count);
        Assert.Empty(harness.Sink.Delivered);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([Tick(start, period, start), Tick(start, period, start), Tick(start, period, start)], harness.Sink.Attempts);
        Assert.Equal([Tick(start, period, start)], harness.Sink.Delivered);
        Assert.Equal(entry with { NextDue = start + period, LastFiredTick = start, Version = 4 }, await harness.Registry.GetAsync(Grain, "expiry"));
    }

    [Fact]
    public async Task ReRegistration_DuringAnInFlightTick_IsNotOverwrittenByTheTick()
    {
        await using var harness = new ReminderHarness(database);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.OnDeliver = (_, _) => gate.Task;
        await harness.StartServiceAsync();
        var start = (await harness.RegisterAsync(Grain, "expiry", Minute, Minute)).StartAt;

        // The service wakes exactly then; its pass then blocks inside the delivery.
        Assert.Equal(start, harness.Service!.NextWakeUp);
        harness.Clock.Advance(Minute);
        await NotifiedWait.WaitAsync(() => harness.Sink.Attempts.Count == 1, () => harness.Sink.NextChange, "the tick is in flight");
        var replaced = await harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", 5 * Minute, 2 * Minute);
        await harness.WaitForIdleAfterAsync(() =>
        {
            gate.SetResult();
            return Task.CompletedTask;
        });

        Assert.Equal([Tick(start, Minute, start)], harness.Sink.Delivered);
        Assert.Equal(2, replaced.Version);
        Assert.Equal(replaced, await harness.Registry.GetAsync(Grain, "expiry"));
        await harness.AdvanceAsync(5 * Minute);
        Assert.Equal([Tick(start, Minute, start), Tick(replaced.StartAt, 2 * Minute, replaced.StartAt)], harness.Sink.Delivered);
    }
}
