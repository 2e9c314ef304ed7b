namespace Loyalty.Runtime.Membership;

/// <summary>
/// Decides which silos with a stale heartbeat to declare dead, and whether this silo is fit to declare anyone.
/// Not thread-safe: the membership service's heartbeat loop is its only caller.
/// </summary>
/// <remarks>
/// Two rules keep one sick silo from killing healthy ones (Orleans' self-termination storms):
/// <list type="number">
/// <item>A silo declares no one dead unless its own heartbeats have succeeded without a gap longer than
/// <see cref="MembershipOptions.StallThreshold"/> for a whole <see cref="MembershipOptions.DeathTimeout"/>. A silo that
/// was paused, starved or cut off from the database sees everyone else's heartbeats as old; it is the suspect,
/// not them. After a database outage every silo has such a gap, so no one declares anyone for a while.</item>
/// <item>A suspect is declared only when two reads at least <see cref="MembershipOptions.HeartbeatPeriod"/> apart
/// show the same stale heartbeat and version: one late heartbeat write is not a death.</item>
/// </list>
/// </remarks>
internal sealed class FailureDetector(MembershipOptions options)
{
    private readonly Dictionary<Guid, Suspicion> _suspects = [];
    private DateTimeOffset? _lastHeartbeat;
    private DateTimeOffset _healthySince;

    public void HeartbeatSucceeded(DateTimeOffset now)
    {
        if (_lastHeartbeat is not { } last || now - last > options.StallThreshold)
        {
            _healthySince = now;
            _suspects.Clear();
        }

        _lastHeartbeat = now;
    }

    /// <summary>True when this silo's own heartbeats show it has been healthy for the last death timeout.</summary>
    public bool MayDeclare(DateTimeOffset now) =>
        _lastHeartbeat is { } last && now - last <= options.StallThreshold && now - _healthySince >= options.DeathTimeout;

    /// <summary>
    /// Takes the live silos whose heartbeat is older than the death timeout (as just read) and returns those seen
    /// unchanged by an earlier read at least a heartbeat period ago: the ones to declare dead now.
    /// </summary>
    public IReadOnlyList<SiloEntry> Confirm(IEnumerable<SiloEntry> stale, Guid self, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var seen = new HashSet<Guid>();
        var confirmed = new List<SiloEntry>();
        foreach (var silo in stale)
        {
            if (silo.SiloId == self || !silo.IsAlive || now - silo.HeartbeatAt < options.DeathTimeout)
            {
                continue;
            }

            seen.Add(silo.SiloId);
            if (_suspects.TryGetValue(silo.SiloId, out var earlier)
                && earlier.HeartbeatAt == silo.HeartbeatAt
                && earlier.Version == silo.Version)
            {
                if (now - earlier.FirstSeen >= options.HeartbeatPeriod)
                {
                    confirmed.Add(silo);
                }

                continue;
            }

            _suspects[silo.SiloId] = new Suspicion(silo.HeartbeatAt, silo.Version, now);
        }

        // A silo no longer stale heartbeated, changed or died: if it goes quiet again, start over.
        foreach (var id in _suspects.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            _suspects.Remove(id);
        }

        return confirmed;
    }

    /// <summary>Forgets every suspicion (this silo stopped judging, e.g. while it is not Active).</summary>
    public void Reset() => _suspects.Clear();

    private sealed record Suspicion(DateTimeOffset HeartbeatAt, long Version, DateTimeOffset FirstSeen);
}
