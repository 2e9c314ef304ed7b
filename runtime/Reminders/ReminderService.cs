using Loyalty.Runtime.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Reminders;

/// <summary>
/// Delivers due reminder ticks. One loop: read what is due now, deliver it with bounded parallelism, record
/// each tick, then sleep until the earliest next due time (at most <see cref="ReminderOptions.RefreshPeriod"/>)
/// or until the registry signals a change. Tick rules are in <see cref="ReminderSchedule"/>.
/// Nothing keeps running once <see cref="StopAsync"/> has returned.
/// </summary>
public sealed partial class ReminderService : IHostedService, IAsyncDisposable
{
    private readonly PostgresReminderTable _table;
    private readonly IReminderTickSink _sink;
    private readonly ReminderWakeSignal _wakeSignal;
    private readonly IReminderRanges _ranges;
    private readonly RuntimeMetrics _metrics;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReminderService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReminderWakeSignal _wentIdle = new();
    private readonly FailureStreak _failures;
    private Task? _loop;
    private long _idlePasses;
    private long _nextWakeUpTicks;
    private DateTimeOffset _sleepComputedAt;
    private int _disposed;
    private int _stopLogged;

    public ReminderService(
        PostgresReminderTable table,
        IReminderTickSink sink,
        ReminderWakeSignal wakeSignal,
        RuntimeMetrics metrics,
        IOptions<ReminderOptions> options,
        TimeProvider time,
        ILogger<ReminderService> logger,
        IReminderRanges? ranges = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _wakeSignal = wakeSignal ?? throw new ArgumentNullException(nameof(wakeSignal));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _ranges = ranges ?? new WholeRingReminderRanges();
        _failures = new FailureStreak($"Reading or recording reminders (again every {_options.RetryDelay} while it fails)", _time, _logger);
    }

    /// <summary>For tests: how many times the loop has gone to sleep.</summary>
    internal long IdlePasses => Interlocked.Read(ref _idlePasses);

    /// <summary>For tests: when the sleeping loop wakes up by itself, or null while it works.</summary>
    internal DateTimeOffset? NextWakeUp => Interlocked.Read(ref _nextWakeUpTicks) is var ticks and not 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    /// <summary>For tests: completes the next time the loop goes to sleep.</summary>
    internal Task NextIdle => _wentIdle.Next;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The reminder service was already started; create a new one to restart.");
        }

        if (_options.MinimumPeriod < TimeSpan.FromMinutes(1))
        {
            _logger.LogWarning("Reminder minimum period {MinimumPeriod} is below one minute: unsuitable for production", _options.MinimumPeriod);
        }

        _logger.LogInformation("Reminder service starting for service {ServiceId}", _options.ServiceId);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        // A host may be stopped twice at once (WebApplicationFactory does), and the first stop to finish disposes the
        // service provider, so this service too: the second stop must not touch the disposed source.
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        // The loop observes the token everywhere and ends; cancellationToken only bounds a sink that ignores it.
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Interlocked.Exchange(ref _stopLogged, 1) == 0)
        {
            _logger.LogInformation("Reminder service stopped for service {ServiceId}", _options.ServiceId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // Taken before reading, so a registration made during this pass wakes the next sleep at once.
            var wake = _wakeSignal.Next;
            TimeSpan sleep;
            try
            {
                sleep = await RunPassAsync(stopping);
                _failures.Succeeded();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _failures.Failed(ex);

                // The retry delay counts from now: counted from the last pass that worked, it would already be over
                // once the database had been down that long, and the loop would retry without pause.
                _sleepComputedAt = _time.GetUtcNow();
                sleep = _options.RetryDelay;
            }

            await SleepAsync(sleep, wake, stopping);
        }
    }

    private async Task<TimeSpan> RunPassAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        var ranges = _ranges.Current;
        if (ranges.Count == 0)
        {
            // Not an active member of the cluster (yet): nothing to fire until the ring changes.
            _sleepComputedAt = now;
            return _options.RefreshPeriod;
        }

        var due = await _table.ReadDueAsync(now, _options.BatchSize, ranges, stopping);
        if (due.Count > 0)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDeliveries, CancellationToken = stopping };
            await Parallel.ForEachAsync(due, parallel, async (entry, ct) => await ProcessAsync(entry, now, ct));
        }

        if (due.Count == _options.BatchSize)
        {
            return TimeSpan.Zero;
        }

        var earliest = await _table.ReadEarliestDueAsync(ranges, stopping);
        _sleepComputedAt = _time.GetUtcNow();
        return ReminderSchedule.GetSleep(_sleepComputedAt, earliest, _options.RefreshPeriod);
    }

    private async Task SleepAsync(TimeSpan sleep, Task wake, CancellationToken stopping)
    {
        if (sleep <= TimeSpan.Zero || wake.IsCompleted || stopping.IsCancellationRequested)
        {
            return;
        }

        // The sleep was computed from an earlier reading of the clock: if the clock passed the wake-up time before the
        // timer was armed (a long pause, or a test moving a manual clock), the timer would fire late. Check once armed.
        var wakeAt = _sleepComputedAt + sleep;
        using var sleepCancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var delay = Task.Delay(sleep, _time, sleepCancel.Token);
        Interlocked.Exchange(ref _nextWakeUpTicks, wakeAt.UtcTicks);
        Interlocked.Increment(ref _idlePasses);
        _wentIdle.Signal();
        if (_time.GetUtcNow() < wakeAt)
        {
            await Task.WhenAny(delay, wake);
        }

        Interlocked.Exchange(ref _nextWakeUpTicks, 0);

        // Cancelling disposes the timer of a sleep cut short by a signal.
        await sleepCancel.CancelAsync();
        await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
