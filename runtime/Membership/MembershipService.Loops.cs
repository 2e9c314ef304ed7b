namespace Loyalty.Runtime.Membership;

internal sealed partial class MembershipService
{
    private async Task RunHeartbeatLoopAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var alive = await HeartbeatPassAsync(stopping);
                Interlocked.Increment(ref _heartbeatPasses);
                if (!alive)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>One heartbeat, then (if it landed) failure detection and clean-up. False once this silo is dead.</summary>
    private async Task<bool> HeartbeatPassAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        bool alive;
        try
        {
            alive = await _table.HeartbeatAsync(Self, now, _runtime.Catalog.CountByGrainType(), stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _heartbeatFailures.Failed(ex);
            return true;
        }

        _heartbeatFailures.Succeeded();

        if (!alive)
        {
            await OnDeclaredDeadAsync(stopping);
            return false;
        }

        _detector.HeartbeatSucceeded(now);
        try
        {
            await DetectFailuresAsync(now, stopping);
            await CleanUpAsync(now, stopping);
            _monitorFailures.Succeeded();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _monitorFailures.Failed(ex);
        }

        return true;
    }

    private async Task DetectFailuresAsync(DateTimeOffset now, CancellationToken stopping)
    {
        // Only Active silos judge others; and only while their own heartbeat shows they are not the sick one.
        if (_membership.LocalStatus != SiloStatus.Active)
        {
            _detector.Reset();
            return;
        }

        if (!_detector.MayDeclare(now))
        {
            return;
        }

        var stale = await _table.ReadStaleAsync(now - _options.DeathTimeout, stopping);
        foreach (var suspect in _detector.Confirm(stale, Self, now))
        {
            if (await _table.DeclareDeadAsync(suspect, Self, now, stopping))
            {
                LogDeclaredDead(_logger, _runtime.SiloName, suspect.Name, suspect.SiloId, suspect.HeartbeatAt, now - suspect.HeartbeatAt);
            }
            else
            {
                LogDeclarationLost(_logger, suspect.Name, suspect.SiloId);
            }
        }
    }

    private async Task CleanUpAsync(DateTimeOffset now, CancellationToken stopping)
    {
        if (_lastCleanUp is { } last && now - last < _options.CleanupPeriod)
        {
            return;
        }

        _lastCleanUp = now;
        var deleted = await _table.DeleteDeadAsync(now - _options.DeadRowRetention, stopping);
        if (deleted > 0)
        {
            LogCleanedUp(_logger, deleted, _options.DeadRowRetention);
        }
    }

    private async Task RefreshViewAsync(CancellationToken cancellationToken) =>
        await CheckSelfAsync(await _viewReader.RefreshAsync(cancellationToken), cancellationToken);

    // Notifications tell a silo it was declared dead long before its next heartbeat would.
    private async Task CheckSelfAsync(IReadOnlyList<SiloEntry> silos, CancellationToken cancellationToken)
    {
        if (silos.FirstOrDefault(s => s.SiloId == Self) is { Status: SiloStatus.Dead } me && me.DeclaredDeadBy != Self)
        {
            await OnDeclaredDeadAsync(cancellationToken);
        }
    }

    /// <summary>Stops serving at once: refuse every call, then have the host stop.</summary>
    private async Task OnDeclaredDeadAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) == 1)
        {
            return;
        }

        _membership.LocalStatus = SiloStatus.Dead;
        _runtime.RefuseCalls($"Silo {_runtime.SiloName} was declared dead by the cluster and serves no more calls; retry on another silo.");
        string declaredBy = "(unknown: the row is gone)";
        DateTimeOffset? declaredAt = null;
        try
        {
            var silos = await _table.ReadAllAsync(cancellationToken);
            var me = silos.FirstOrDefault(s => s.SiloId == Self);
            declaredAt = me?.DeclaredDeadAt;
            if (me?.DeclaredDeadBy is { } by)
            {
                declaredBy = silos.FirstOrDefault(s => s.SiloId == by)?.Name ?? by.ToString();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMonitorFailed(_logger, ex);
        }

        LogFoundDead(_logger, _runtime.SiloName, Self, declaredBy, declaredAt);
        _lifetime.StopApplication();
    }
}
