namespace Loyalty.Runtime.Membership;

/// <summary>
/// Timings of silo membership (configuration section <c>Loyalty:Membership</c>), validated at start-up by
/// <see cref="MembershipOptionsValidator"/>.
/// </summary>
/// <remarks>
/// Heartbeats are stamped, and their age judged, by each silo's own injected <see cref="TimeProvider"/>, so the
/// silos' clocks must agree (NTP) to within a small fraction of <see cref="DeathTimeout"/>: a clock behind by
/// <c>s</c> makes its silo look <c>s</c> older to the others. A crashed silo is declared dead between
/// <c>DeathTimeout + HeartbeatPeriod</c> and <c>DeathTimeout + 2 × HeartbeatPeriod</c> after its last heartbeat.
/// See docs/decisions/0005-membership-in-postgresql.md.
/// </remarks>
public sealed class MembershipOptions
{
    public const string SectionName = "Loyalty:Membership";

    /// <summary>Separates deployments that share one database (set from <c>Loyalty:Runtime:ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "loyalty";

    /// <summary>How often a silo writes its heartbeat and looks for silos whose heartbeat stopped.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How old a heartbeat may get before the silo may be declared dead; more than twice the heartbeat period.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the whole table is read: the fallback for missed notifications.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long dead rows are kept (so operators can see a crash) before they are deleted.</summary>
    public TimeSpan DeadRowRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often each silo deletes the dead rows older than <see cref="DeadRowRetention"/>.</summary>
    public TimeSpan CleanupPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait before the notification connection is opened again after it broke (the wait doubles from one second).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A gap longer than this between two of a silo's own successful heartbeats means the silo itself stalled
    /// (pause, overload, lost database): it then declares no one dead until it has heartbeated steadily for a
    /// whole <see cref="DeathTimeout"/> again.
    /// </summary>
    internal TimeSpan StallThreshold => DeathTimeout / 2;
}
