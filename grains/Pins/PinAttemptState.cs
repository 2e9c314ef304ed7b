namespace Loyalty.Grains.Pins;

/// <summary>
/// A staff PIN's failed attempts and lock, as the PIN grain persists it. Failures verified online and failures that
/// tablets verified offline and reported later count toward the same lockout. A lock starts when the server learns
/// of the failure that reaches the limit: reported times come from the tablet and are not trusted to shorten a lock.
/// Once a lock has passed, the count starts again from zero. The grain refuses verification while
/// <see cref="IsLocked"/>, so failures during a lock are not counted and do not extend it.
/// </summary>
public sealed record PinAttemptState
{
    public PinLockoutPolicy Policy { get; init; } = PinLockoutPolicy.Default;

    public int ConsecutiveFailures { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>Failures left before the PIN locks; 0 while locked (or when a stricter policy arrived after the failures).</summary>
    public int AttemptsRemaining(DateTimeOffset now) =>
        IsLocked(now) ? 0 : Math.Max(0, Policy.MaxConsecutiveFailures - Current(now).ConsecutiveFailures);

    /// <summary>Consecutive failures counting toward the lockout at <paramref name="now"/>; a lock that has passed counts as none.</summary>
    public int ConsecutiveFailuresAt(DateTimeOffset now) => Current(now).ConsecutiveFailures;

    public PinAttemptState RecordFailure(DateTimeOffset now) => RecordFailures(1, now, now);

    /// <summary>Counts <paramref name="count"/> failures, such as those a tablet saw offline, last one at <paramref name="lastAttemptAt"/>.</summary>
    public PinAttemptState RecordFailures(int count, DateTimeOffset lastAttemptAt, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (IsLocked(now))
            return this;
        var current = Current(now);
        var failures = Math.Min(current.ConsecutiveFailures + count, Policy.MaxConsecutiveFailures);
        var last = lastAttemptAt < now ? lastAttemptAt : now;
        return current with
        {
            ConsecutiveFailures = failures,
            LastFailureAt = current.LastFailureAt is { } previous && previous > last ? previous : last,
            LockedUntil = failures >= Policy.MaxConsecutiveFailures ? now + Policy.LockDuration : null,
        };
    }

    /// <summary>A correct PIN: the consecutive-failure count starts again.</summary>
    public PinAttemptState RecordSuccess() => this with { ConsecutiveFailures = 0, LockedUntil = null };

    // A lock that has passed resets the count, so the next failure is the first of a new series.
    private PinAttemptState Current(DateTimeOffset now) =>
        LockedUntil is { } until && now >= until ? this with { ConsecutiveFailures = 0, LockedUntil = null } : this;
}
