using Loyalty.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Membership;

/// <summary>
/// Keeps <see cref="ClusterMembership"/> current: reads the <c>silos</c> table on every notification and every
/// refresh period (the fallback for lost notifications). Silos and pure clients use it alike.
/// </summary>
internal sealed partial class MembershipViewReader(
    PostgresMembershipTable table,
    ClusterMembership membership,
    MembershipNotificationListener listener,
    IOptions<MembershipOptions> options,
    TimeProvider time,
    ILogger<MembershipViewReader> logger)
{
    private readonly MembershipOptions _options = options.Value;
    private readonly FailureStreak _failures = new($"Reading membership (every {options.Value.RefreshPeriod})", time, logger);
    private long _refreshes;

    /// <summary>For tests: full reads of the table published to the view.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    public bool IsListening => listener.IsListening;

    /// <summary>Listens for notifications and reads on each one and on each tick of <paramref name="timer"/>, until stopped.</summary>
    public async Task RunAsync(PeriodicTimer timer, Func<IReadOnlyList<SiloEntry>, CancellationToken, Task> afterRead, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(afterRead);
        var listening = Task.Run(() => listener.RunAsync(stopping), CancellationToken.None);
        try
        {
            var tick = timer.WaitForNextTickAsync(stopping).AsTask();
            while (true)
            {
                // Taken before reading, so a change committed during the read triggers another one.
                var changed = listener.Changed;
                try
                {
                    await afterRead(await RefreshAsync(stopping), stopping);
                    _failures.Succeeded();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _failures.Failed(ex);
                }

                await Task.WhenAny(tick, changed);
                if (tick.IsCompleted)
                {
                    if (!await tick)
                    {
                        break;
                    }

                    tick = timer.WaitForNextTickAsync(stopping).AsTask();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Reads the table once and publishes what it read.</summary>
    public async Task<IReadOnlyList<SiloEntry>> RefreshAsync(CancellationToken cancellationToken)
    {
        var ticket = membership.BeginRead();
        var silos = await table.ReadAllAsync(cancellationToken);
        if (membership.Publish(ticket, silos, time.GetUtcNow()))
        {
            LogViewChanged(logger, membership.Current.Version, silos.Count(s => s.Status == SiloStatus.Active), silos.Count(s => s.IsAlive));
        }

        Interlocked.Increment(ref _refreshes);
        return silos;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership view {Version}: {Active} active of {Alive} live silos")]
    private static partial void LogViewChanged(ILogger logger, long version, int active, int alive);
}
