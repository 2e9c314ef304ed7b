using Loyalty.Runtime.Core;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Placement;
using Loyalty.Runtime.Reminders;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Activations;

/// <summary>
/// The silo-side runtime: hands out grain references, routes each call to the grain's single activation
/// (creating it on first use), tracks deadlines, collects idle activations and shuts down gracefully.
/// </summary>
internal sealed partial class GrainRuntime : GrainReferenceFactory, IInboundCallHandler, IReminderTickSink, IAsyncDisposable
{
    private readonly ITimer _collector;
    private IReminderRegistry? _reminders;
    private IGrainStateStore? _stateStore;
    private GrainPlacement? _placement;
    private IClusterTransport? _transport;
    private int _transportResolved;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    // Reminder ticks and hand-off requests travel between silos like grain calls: the transport finds their readers here.
    static GrainRuntime()
    {
        GrainInterfaceRegistry.Register(ReminderTickRequest.InterfaceInfo);
        GrainInterfaceRegistry.Register(HandOffRequest.InterfaceInfo);
    }

    public GrainRuntime(
        IServiceProvider services,
        IOptions<RuntimeOptions> options,
        TimeProvider timeProvider,
        ILogger<GrainRuntime> logger,
        RuntimeMetrics metrics,
        GrainClassRegistry classes,
        GrainStateSerializer serializer)
    {
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        Metrics = metrics;
        Serializer = serializer;
        SiloName = Options.SiloName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        StartedAt = timeProvider.GetUtcNow();
        Catalog = new Catalog(this, classes);
        Calls = new CallTracker(timeProvider, Options.DeadlineCheckPeriod, SiloName, () => metrics.TimedOutCalls.Add(1));
        _collector = timeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdleActivations(), this, Options.CollectionQuantum, Options.CollectionQuantum);
    }

    public IServiceProvider Services { get; }

    public RuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public RuntimeMetrics Metrics { get; }

    public GrainStateSerializer Serializer { get; }

    public string SiloName { get; }

    public DateTimeOffset StartedAt { get; }

    public Catalog Catalog { get; }

    public CallTracker Calls { get; }

    public IReminderRegistry Reminders => _reminders ??= Services.GetRequiredService<IReminderRegistry>();

    public IGrainStateStore StateStore => _stateStore ??= Services.GetRequiredService<IGrainStateStore>();

    public GrainPlacement Placement => _placement ??= Services.GetRequiredService<GrainPlacement>();

    /// <summary>The cluster transport; only used once <see cref="IsClustered"/> said there is one.</summary>
    public IClusterTransport Transport => _transport!;

    /// <summary>
    /// Whether this silo takes part in placement: it has a cluster transport. A silo without one (a plain generic
    /// host, as some tests use) runs every grain it is asked for itself.
    /// </summary>
    public bool IsClustered
    {
        get
        {
            if (Volatile.Read(ref _transportResolved) == 0)
            {
                _transport = Services.GetService<IClusterTransport>();
                Volatile.Write(ref _transportResolved, 1);
            }

            return _transport is not null;
        }
    }

    public override Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = RuntimeContext.Current;
        var chain = caller is null ? null : new CallChain(caller.Target, caller.Id, caller.MethodName, caller.Chain);
        // A nested call gets no more time than its caller has left: nobody waits for its answer after that.
        var deadline = TimeProvider.GetUtcNow() + Options.CallTimeout;
        if (caller?.Deadline is { } callerDeadline && callerDeadline < deadline)
        {
            deadline = callerDeadline;
        }

        var message = new RequestMessage<TResult>(this, target, request, chain, deadline);
        Metrics.Calls.Add(1);
        Calls.Track(message.Id, message);
        Dispatch(message);
        return message.Task;
    }

    public Task<TResult> InvokeInboundAsync<TResult>(GrainId target, GrainRequest<TResult> request, CallChain? chain, DateTimeOffset deadline, int hops)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is HandOffRequest)
        {
            return (Task<TResult>)(object)HandOverAsync(target);
        }

        var message = new RequestMessage<TResult>(this, target, request, chain, deadline) { Hops = hops, IsInbound = true };
        Metrics.Calls.Add(1);
        Calls.Track(message.Id, message);
        Dispatch(message);
        return message.Task;
    }

    public Task DeliverAsync(GrainId grainId, string reminderName, TickStatus status, CancellationToken cancellationToken) =>
        InvokeAsync(grainId, new ReminderTickRequest(reminderName, status)).WaitAsync(cancellationToken);

    /// <summary>Sends a message that its activation could not take (it was deactivating) to the grain's next activation.</summary>
    public void Redispatch(Message message)
    {
        // Timer ticks die with their activation; a call whose caller already gave up (deadline) needs no new activation.
        if (message is TimerTickMessage || message.IsCompleted)
        {
            return;
        }

        Dispatch(message);
    }

    /// <summary>
    /// Graceful stop: drains and deactivates every activation (flushing their state). Runs once: a silo that
    /// leaves the cluster drains before it leaves, and the host's stop later finds nothing left to do.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopped ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _collector.DisposeAsync().ConfigureAwait(false);
        using var drainTimeout = new CancellationTokenSource(Options.ShutdownDrainTimeout, TimeProvider);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, drainTimeout.Token);
        LogStopping(Logger, SiloName, Catalog.Count);
        await Catalog.DeactivateAllAsync(Options.DeactivationTimeout, drain.Token).ConfigureAwait(false);
        LogStopped(Logger, SiloName);
    }

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync().ConfigureAwait(false);
        Calls.Dispose();
    }

    /// <summary>For tests: the grain has no activation, or one with nothing running, queued or being deactivated.</summary>
    internal bool IsQuiescent(GrainId grainId) => !Catalog.TryGet(grainId, out var activation) || activation.IsQuiescent;

    private void Dispatch(Message message)
    {
        try
        {
            ThrowIfRefusing();

            // An existing activation takes the call even when ownership moved: it is being handed off, and what it
            // queues meanwhile comes back here once it has flushed, to be sent to the new owner.
            if (Catalog.TryGet(message.Target, out var activation))
            {
                activation.Enqueue(message);
                return;
            }

            if (IsClustered && RemoteRouteOf(message) is { } address && message.TrySend(address))
            {
                Metrics.SentCalls.Add(1);
                return;
            }

            Catalog.GetOrCreate(message.Target).Enqueue(message);
        }
        catch (Exception exception)
        {
            message.Fail(exception);
        }
    }

    private void CollectIdleActivations()
    {
        var now = TimeProvider.GetUtcNow();
        var collected = 0;
        foreach (var activation in Catalog.Snapshot())
        {
            if (activation.TryCollectIfIdle(now, activation.ClassInfo.CollectionAge ?? Options.CollectionAge))
            {
                collected++;
            }
        }

        if (collected > 0)
        {
            LogCollected(Logger, collected);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopping: draining and deactivating {Count} activations")]
    private static partial void LogStopping(ILogger logger, string silo, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopped: every activation drained and flushed")]
    private static partial void LogStopped(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collecting {Count} idle activations")]
    private static partial void LogCollected(ILogger logger, int count);
}
