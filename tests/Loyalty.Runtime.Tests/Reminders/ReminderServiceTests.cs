using System.Diagnostics.Metrics;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

[Collection(ReminderDatabaseCollection.Name)]
public sealed class ReminderServiceTests(ReminderTestDatabase database)
{
    private static readonly GrainId Grain = GrainId.Create("card", "c1");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task StopAsync_AfterTheServiceWasDisposed_ReturnsQuietly()
    {
        await using var harness = new ReminderHarness(database);
        await harness.StartServiceAsync();
        var service = harness.Service!;

        // A host stopped twice at once: the first stop disposed the service provider (and this service) already.
        await harness.StopServiceAsync();
        var second = await Record.ExceptionAsync(() => service.StopAsync(CancellationToken.None));

        Assert.Null(second);
    }

    [Fact]
    public async Task Register_WhileServiceSleeps_FiresTheFirstTickAtTheDueTime()
    {
        await using var harness = new ReminderHarness(database);
        await harness.StartServiceAsync();
        Assert.Equal(harness.Now + Minute, harness.Service!.NextWakeUp);

        var entry = await harness.RegisterAsync(Grain, "expiry", TimeSpan.FromSeconds(20), Minute);
        var start = entry.StartAt;
        Assert.Equal(harness.Now.AddSeconds(20), start);
        Assert.Equal(start, harness.Service.NextWakeUp);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.Empty(harness.Sink.Delivered);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([Tick(start, Minute, start)], harness.Sink.Delivered);
        Assert.Equal(entry with { NextDue = start + Minute, LastFiredTick = start, Version = 2 }, await harness.Registry.GetAsync(Grain, "expiry"));
    }

    [Fact]
    public async Task Ticks_SlowDeliveries_StayAnchoredOnStartPlusPeriods()
    {
        await using var harness = new ReminderHarness(database);
        // Each delivery takes 7 s of (fake) time; later ticks must not drift by it.
        harness.Sink.OnDeliver = (_, _) =>
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(7));
            return Task.CompletedTask;
        };
        await harness.StartServiceAsync();
        var start = (await harness.RegisterAsync(Grain, "expiry", TimeSpan.FromSeconds(30), Minute)).StartAt;

        await harness.AdvanceAsync(TimeSpan.FromSeconds(30) + (3 * Minute));

        Assert.Equal(
            [Tick(start, Minute, start), Tick(start, Minute, start + Minute), Tick(start, Minute, start + (2 * Minute)), Tick(start, Minute, start + (3 * Minute))],
            harness.Sink.Delivered);
        Assert.Equal(start + (4 * Minute), harness.Service!.NextWakeUp);
    }

    [Fact]
    public async Task FirstTick_DueWhileNoServiceRan_IsDeliveredLateNotSkipped()
    {
        await using var harness = new ReminderHarness(database);
        var tardiness = new List<double>();
        using var listener = ListenToTardiness(harness, tardiness);
        var start = (await harness.RegisterAsync(Grain, "expiry", TimeSpan.FromSeconds(10), Minute)).StartAt;
        await harness.AdvanceAsync(TimeSpan.FromSeconds(40));

        await harness.StartServiceAsync();

        Assert.Equal([Tick(start, Minute, start)], harness.Sink.Delivered);
        Assert.Equal([30_000d], tardiness);
        Assert.Equal(start + Minute, harness.Service!.NextWakeUp);
    }

    [Fact]
    public async Task DueTimeAndPeriodBeyond49Days_FireOnTime_WithSleepsNoLongerThanTheRefreshPeriod()
    {
        await using var harness = new ReminderHarness(database, options => options.RefreshPeriod = TimeSpan.FromDays(1));
        await harness.StartServiceAsync();
        var period = TimeSpan.FromDays(50);
        var start = (await harness.RegisterAsync(Grain, "renewal", TimeSpan.FromDays(60), period)).StartAt;

        await harness.AdvanceAsync(TimeSpan.FromDays(60) - TimeSpan.FromSeconds(1));
        Assert.Empty(harness.Sink.Delivered);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal([Tick(start, period, start, "renewal")], harness.Sink.Delivered);
        await harness.AdvanceAsync(period);

        Assert.Equal([Tick(start, period, start, "renewal"), Tick(start, period, start + period, "renewal")], harness.Sink.Delivered);
        Assert.Equal(TimeSpan.FromDays(1), harness.LongestSleep);
    }

    [Fact]
    public async Task Unregister_StopsFurtherTicks()
    {
        await using var harness = new ReminderHarness(database);
        await harness.StartServiceAsync();
        var start = (await harness.RegisterAsync(Grain, "expiry", Minute, Minute)).StartAt;
        await harness.AdvanceAsync(Minute);
        Assert.Single(harness.Sink.Delivered);

        await harness.Registry.UnregisterAsync(Grain, "expiry");
        await harness.AdvanceAsync(5 * Minute);

        Assert.Equal([Tick(start, Minute, start)], harness.Sink.Delivered);
        Assert.Null(await harness.Registry.GetAsync(Grain, "expiry"));
    }

    internal static RecordedTick Tick(DateTimeOffset start, TimeSpan period, DateTimeOffset tickTime, string name = "expiry") =>
        new(Grain, name, new TickStatus(start, period, tickTime));

    private static MeterListener ListenToTardiness(ReminderHarness harness, List<double> values)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, harness.Metrics.Meter) && instrument.Name == "loyalty.reminders.tardiness")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (values)
            {
                values.Add(value);
            }
        });
        listener.Start();
        return listener;
    }
}
