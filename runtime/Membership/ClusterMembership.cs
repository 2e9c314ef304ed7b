using System.Runtime.CompilerServices;

namespace Loyalty.Runtime.Membership;

/// <summary>
/// Holds the membership view that <see cref="MembershipService"/> publishes. It needs no database, so components
/// built before the host starts (placement, the cluster status) can take it as a dependency.
/// </summary>
internal sealed class ClusterMembership : IClusterMembership
{
    private readonly Lock _lock = new();
    private MembershipView _current = MembershipView.Empty;
    private MembershipView _previous = MembershipView.Empty;
    private DateTimeOffset _changedAt = DateTimeOffset.MinValue;
    private TaskCompletionSource<MembershipView> _changed = NewSignal();
    private long _lastTicket;
    private long _publishedTicket;

    public Guid LocalSiloId { get; } = Guid.NewGuid();

    public MembershipView Current => Volatile.Read(ref _current);

    public (MembershipView Previous, DateTimeOffset ChangedAt) LastChange
    {
        get
        {
            lock (_lock)
            {
                return (_previous, _changedAt);
            }
        }
    }

    /// <summary>What this silo last wrote (or learnt) about itself: ahead of the view between reads.</summary>
    public SiloStatus LocalStatus { get; set; } = SiloStatus.Joining;

    public async Task<MembershipView> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken)
    {
        Task<MembershipView> next;
        lock (_lock)
        {
            if (_current.Version > knownVersion)
            {
                return _current;
            }

            next = _changed.Task;
        }

        return await next.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<MembershipView> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var view = Current;
        yield return view;
        while (true)
        {
            view = await WaitForChangeAsync(view.Version, cancellationToken);
            yield return view;
        }
    }

    /// <summary>Taken before reading the table, and handed to <see cref="Publish"/> with what was read.</summary>
    public long BeginRead() => Interlocked.Increment(ref _lastTicket);

    /// <summary>Replaces the view with a fresh read of the table; returns true when membership changed.</summary>
    public bool Publish(long ticket, IReadOnlyList<SiloEntry> silos, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(silos);
        TaskCompletionSource<MembershipView>? fired = null;
        MembershipView view;
        lock (_lock)
        {
            // Reads may finish out of order: never let an older read replace a newer one.
            if (ticket < _publishedTicket)
            {
                return false;
            }

            _publishedTicket = ticket;

            var changed = !SameMembership(_current.Silos, silos);
            view = new MembershipView(changed ? _current.Version + 1 : _current.Version, silos, readAt);
            if (changed)
            {
                _previous = _current;
                _changedAt = readAt;
            }

            _current = view;
            if (changed)
            {
                fired = _changed;
                _changed = NewSignal();
            }
        }

        fired?.TrySetResult(view);
        return fired is not null;
    }

    // Row versions grow with every status or address change, so (id, version) pairs capture a membership change.
    private static bool SameMembership(IReadOnlyList<SiloEntry> before, IReadOnlyList<SiloEntry> after) =>
        before.Count == after.Count
        && before.OrderBy(s => s.SiloId).Zip(after.OrderBy(s => s.SiloId)).All(p => p.First.SiloId == p.Second.SiloId && p.First.Version == p.Second.Version);

    private static TaskCompletionSource<MembershipView> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
