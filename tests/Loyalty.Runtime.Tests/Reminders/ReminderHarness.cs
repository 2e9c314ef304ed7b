using Loyalty.Runtime.Core;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Reminders;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>
/// A reminder table, registry and service on a fake clock, under a service id of its own. Time moves only
/// through <see cref="AdvanceAsync"/>, which steps from one wake-up of the service to the next and waits
/// until the service has finished its pass and gone back to sleep.
/// </summary>
internal sealed class ReminderHarness : IAsyncDisposable
{
    private readonly IOptions<ReminderOptions> _options;

    public ReminderHarness(ReminderTestDatabase database, Action<ReminderOptions>? configure = null, NpgsqlDataSource? dataSource = null)
    {
        var options = new ReminderOptions
        {
            ServiceId = "test-" + Guid.NewGuid().ToString("N"),
            MinimumPeriod = TimeSpan.FromSeconds(1),
            RefreshPeriod = TimeSpan.FromMinutes(1),
            RetryDelay = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        _options = Options.Create(options);
        Table = new PostgresReminderTable(dataSource ?? database.DataSource, _options);
        Registry = new ReminderRegistry(Table, WakeSignal, _options, Clock);
    }

    public ManualTimeProvider Clock { get; } = new();

    public RecordingTickSink Sink { get; } = new();

    public ReminderWakeSignal WakeSignal { get; } = new();

    public RuntimeMetrics Metrics { get; } = new();

    public PostgresReminderTable Table { get; }

    public ReminderRegistry Registry { get; }

    public ReminderService? Service { get; private set; }

    /// <summary>The longest sleep the service has armed, to prove it never hands a timer a long due time.</summary>
    public TimeSpan LongestSleep { get; private set; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task StartServiceAsync()
    {
        Assert.Null(Service);
        Service = new ReminderService(Table, Sink, WakeSignal, Metrics, _options, Clock, NullLogger<ReminderService>.Instance);
        await WaitForIdleAfterAsync(() => Service.StartAsync(CancellationToken.None));
    }

    public async Task StopServiceAsync()
    {
        var service = Service ?? throw new InvalidOperationException("The service is not running.");
        await service.DisposeAsync();
        Service = null;
        Assert.Equal(0, Clock.ActiveTimerCount);
    }

    /// <summary>Registers through the registry and, when the service runs, waits until it has re-planned.</summary>
    public async Task<ReminderEntry> RegisterAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ReminderEntry? entry = null;
        await WaitForIdleAfterAsync(async () => entry = await Registry.RegisterOrUpdateAsync(grainId, name, dueTime, period));
        return entry!;
    }

    /// <summary>Moves the clock by <paramref name="delta"/>, letting the service run at each of its wake-ups on the way.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = Now + delta;
        while (Service is { } service && service.NextWakeUp is { } wake && wake <= target)
        {
            var sleep = wake - Now;
            LongestSleep = sleep > LongestSleep ? sleep : LongestSleep;
            await WaitForIdleAfterAsync(() =>
            {
                Clock.Advance(sleep);
                return Task.CompletedTask;
            });
        }

        // A test's sink may have moved the clock past the target already.
        if (target > Now)
        {
            Clock.Advance(target - Now);
        }
    }

    public async Task WaitForDeliveredAsync(int count) => await NotifiedWait.WaitAsync(
        () => Sink.Delivered.Count >= count, () => Sink.NextChange, $"{count} ticks were delivered");

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        Metrics.Dispose();
    }

    /// <summary>Runs <paramref name="action"/> and waits until the service has finished a pass and sleeps again.</summary>
    public async Task WaitForIdleAfterAsync(Func<Task> action)
    {
        if (Service is not { } service)
        {
            await action();
            return;
        }

        var passes = service.IdlePasses;
        await action();
        await NotifiedWait.WaitAsync(
            () => service.IdlePasses > passes && service.NextWakeUp is not null,
            () => service.NextIdle,
            "the reminder service went back to sleep");
    }
}
