using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class FailureDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly MembershipOptions Options = new();
    private static readonly Guid Self = Guid.NewGuid();
    private static readonly TimeSpan Heartbeat = Options.HeartbeatPeriod;

    [Fact]
    public void MayDeclare_SteadyHeartbeatsForADeathTimeout_IsTrueOnlyThen()
    {
        var detector = new FailureDetector(Options);

        Assert.False(detector.MayDeclare(T0));
        var now = HeartbeatSteadily(detector, T0, Options.DeathTimeout - Heartbeat);
        Assert.False(detector.MayDeclare(now));
        now = HeartbeatSteadily(detector, now, Heartbeat);
        Assert.True(detector.MayDeclare(now));
    }

    [Fact]
    public void MayDeclare_OwnHeartbeatHadAGap_IsFalseUntilSteadyForADeathTimeoutAgain()
    {
        var detector = new FailureDetector(Options);
        var now = HeartbeatSteadily(detector, T0, 2 * Options.DeathTimeout);
        Assert.True(detector.MayDeclare(now));

        // A pause: the silo's own next heartbeat lands long after the previous one.
        now += Options.DeathTimeout;
        Assert.False(detector.MayDeclare(now));
        detector.HeartbeatSucceeded(now);
        Assert.False(detector.MayDeclare(now));

        now = HeartbeatSteadily(detector, now, Options.DeathTimeout);
        Assert.True(detector.MayDeclare(now));
    }

    [Fact]
    public void Confirm_StaleSuspect_ConfirmedOnlyBySecondReadAHeartbeatPeriodLater()
    {
        var detector = new FailureDetector(Options);
        var now = T0 + TimeSpan.FromMinutes(1);
        var suspect = Entry(now - Options.DeathTimeout, version: 2);

        Assert.Empty(detector.Confirm([suspect], Self, now));
        Assert.Empty(detector.Confirm([suspect], Self, now + Heartbeat - TimeSpan.FromMilliseconds(1)));
        Assert.Equal([suspect], detector.Confirm([suspect], Self, now + Heartbeat));
    }

    [Fact]
    public void Confirm_SuspectChangedBetweenReads_StartsOver()
    {
        var detector = new FailureDetector(Options);
        var now = T0 + TimeSpan.FromMinutes(1);
        var suspect = Entry(now - Options.DeathTimeout, version: 2);
        Assert.Empty(detector.Confirm([suspect], Self, now));

        var bumped = suspect with { Version = 3 };

        Assert.Empty(detector.Confirm([bumped], Self, now + Heartbeat));
        Assert.Equal([bumped], detector.Confirm([bumped], Self, now + (2 * Heartbeat)));
    }

    [Fact]
    public void Confirm_SelfOrFreshOrDead_NeverConfirmed()
    {
        var detector = new FailureDetector(Options);
        var now = T0 + TimeSpan.FromMinutes(1);
        var self = Entry(now - TimeSpan.FromMinutes(1), version: 1) with { SiloId = Self };
        var fresh = Entry(now - Heartbeat, version: 1);
        var dead = Entry(now - TimeSpan.FromMinutes(1), version: 1) with { Status = SiloStatus.Dead };

        detector.Confirm([self, fresh, dead], Self, now);

        Assert.Empty(detector.Confirm([self, fresh, dead], Self, now + Options.DeathTimeout));
    }

    private static DateTimeOffset HeartbeatSteadily(FailureDetector detector, DateTimeOffset from, TimeSpan span)
    {
        var now = from;
        for (var elapsed = TimeSpan.Zero; elapsed <= span; elapsed += Heartbeat)
        {
            now = from + elapsed;
            detector.HeartbeatSucceeded(now);
        }

        return now;
    }

    private static SiloEntry Entry(DateTimeOffset heartbeatAt, long version) => new(
        Guid.NewGuid(), "other", null, 1, SiloStatus.Active, T0, heartbeatAt, null, null, version, new Dictionary<string, int>());
}
