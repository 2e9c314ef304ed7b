using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Membership;

/// <summary>
/// This silo's membership: its row in <c>silos</c>, its heartbeat, the failure detector, and the view of the
/// cluster. Starts after the database (resolved lazily) and before the grain runtime, so it stops after the
/// runtime has drained: joining on start, active once the host has started, shutting-down as soon as the host
/// begins to stop (before anything stops, so the rest of the cluster stops routing here while it drains), and
/// dead (declared by itself) after the drain.
/// </summary>
internal sealed partial class MembershipService : IHostedLifecycleService, IAsyncDisposable
{
    private readonly PostgresMembershipTable _table;
    private readonly ClusterMembership _membership;
    private readonly GrainRuntime _runtime;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly MembershipViewReader _viewReader;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipService> _logger;
    private readonly FailureDetector _detector;
    private readonly FailureStreak _heartbeatFailures;
    private readonly FailureStreak _monitorFailures;
    private readonly IClusterEndpoint? _endpoint;
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _loops = [];
    private PeriodicTimer? _heartbeatTimer;
    private PeriodicTimer? _refreshTimer;
    private DateTimeOffset? _lastCleanUp;
    private volatile bool _killed;
    private int _declaredDead;
    private long _heartbeatPasses;

    public MembershipService(
        PostgresMembershipTable table,
        ClusterMembership membership,
        GrainRuntime runtime,
        IHostApplicationLifetime lifetime,
        MembershipViewReader viewReader,
        IOptions<MembershipOptions> options,
        TimeProvider time,
        ILogger<MembershipService> logger,
        IClusterEndpoint? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = table;
        _membership = membership;
        _runtime = runtime;
        _lifetime = lifetime;
        _viewReader = viewReader;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _detector = new FailureDetector(_options);
        _heartbeatFailures = new FailureStreak($"Heartbeat of silo {_runtime.SiloName}", time, logger);
        _monitorFailures = new FailureStreak("Failure detection and clean-up", time, logger);
        _endpoint = endpoint;
    }

    private Guid Self => _membership.LocalSiloId;

    /// <summary>This incarnation's generation, known once started.</summary>
    internal long Generation { get; private set; }

    /// <summary>For tests: heartbeat passes completed (heartbeat, failure detection, clean-up).</summary>
    internal long HeartbeatPasses => Interlocked.Read(ref _heartbeatPasses);

    /// <summary>For tests: full reads of the table published to the view.</summary>
    internal long ViewRefreshes => _viewReader.Refreshes;

    internal bool IsListening => _viewReader.IsListening;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        Generation = await _table.InsertAsync(Self, _runtime.SiloName, address: null, _runtime.StartedAt, now, cancellationToken);
        _membership.LocalStatus = SiloStatus.Joining;
        LogJoining(_logger, _runtime.SiloName, Self, Generation);

        // Created here, not in the loops, so that the first ticks are due one period after start whatever the thread pool does.
        _heartbeatTimer = new PeriodicTimer(_options.HeartbeatPeriod, _time);
        _refreshTimer = new PeriodicTimer(_options.RefreshPeriod, _time);
        var stopping = _stopping.Token;
        _loops =
        [
            Task.Run(() => RunHeartbeatLoopAsync(_heartbeatTimer, stopping), CancellationToken.None),
            Task.Run(() => _viewReader.RunAsync(_refreshTimer, CheckSelfAsync, stopping), CancellationToken.None),
        ];
        await RefreshViewAsync(cancellationToken);
    }

    /// <summary>
    /// Runs once the server has started, so the cluster listener's port is known: the silo becomes active together
    /// with its address (none without a transport, as on a plain generic host).
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = _endpoint?.Address;
        if (!await _table.SetStatusAsync(Self, SiloStatus.Active, [SiloStatus.Joining], _time.GetUtcNow(), cancellationToken, address))
        {
            await OnDeclaredDeadAsync(cancellationToken);
            return;
        }

        _membership.LocalStatus = SiloStatus.Active;
        LogActive(_logger, _runtime.SiloName, Self, address ?? "(no cluster listener: this silo runs every grain it is asked for)");
        await RefreshViewAsync(cancellationToken);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_killed || _loops.Length == 0 || _membership.LocalStatus == SiloStatus.Dead)
        {
            return;
        }

        try
        {
            if (await _table.SetStatusAsync(Self, SiloStatus.ShuttingDown, [SiloStatus.Joining, SiloStatus.Active], _time.GetUtcNow(), cancellationToken))
            {
                _membership.LocalStatus = SiloStatus.ShuttingDown;
                LogShuttingDown(_logger, _runtime.SiloName);
            }

            await RefreshViewAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stopping goes on: the silo leaves (or is declared dead) anyway.
            LogStatusWriteFailed(_logger, ex, SiloStatus.ShuttingDown);
        }

        // Hand the grains over while this silo still takes cluster calls (the transport stops after the stopping
        // phase): the others keep routing here while it shuts down, each activation finishes and flushes, and from
        // then on this silo passes the grain's calls to its new owner, which reads what was flushed. Then leave, so
        // the others route to the new owners directly.
        // Heartbeats stop first: a heartbeat after leaving would find the row dead and make the silo refuse calls.
        await _runtime.StopAsync(cancellationToken);
        await StopLoopsAsync(cancellationToken);
        await LeaveAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync(cancellationToken);
        await LeaveAsync(cancellationToken);
    }

    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (_killed || _loops.Length == 0 || _membership.LocalStatus == SiloStatus.Dead)
        {
            return;
        }

        try
        {
            var left = await _table.LeaveAsync(Self, _time.GetUtcNow(), cancellationToken);
            _membership.LocalStatus = SiloStatus.Dead;
            if (left)
            {
                LogLeft(_logger, _runtime.SiloName, Self);
            }

            await RefreshViewAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The others will declare this silo dead once its heartbeat is DeathTimeout old.
            LogStatusWriteFailed(_logger, ex, SiloStatus.Dead);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>For tests: stops heartbeating and watching at once and writes nothing more, like a crash.</summary>
    internal async Task KillAsync()
    {
        _killed = true;
        await StopLoopsAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopsAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task StopLoopsAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _heartbeatTimer?.Dispose();
        _refreshTimer?.Dispose();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
