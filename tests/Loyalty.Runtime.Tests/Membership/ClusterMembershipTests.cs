using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class ClusterMembershipTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LastChange_IsTheViewBeforeTheLatestChange_AndWhenItWasRead()
    {
        var membership = new ClusterMembership();
        var joining = Silo(SiloStatus.Joining, version: 1);
        var active = joining with { Status = SiloStatus.Active, Version = 2 };

        Assert.True(membership.Publish(membership.BeginRead(), [joining], Start));
        Assert.True(membership.Publish(membership.BeginRead(), [active], Start.AddSeconds(1)));

        // A read that finds nothing new refreshes the view but is not a change.
        Assert.False(membership.Publish(membership.BeginRead(), [active], Start.AddSeconds(2)));

        var (previous, changedAt) = membership.LastChange;
        Assert.Equal(1, previous.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(previous.Silos).Status);
        Assert.Equal(Start.AddSeconds(1), changedAt);
        Assert.Equal(2, membership.Current.Version);
    }

    [Fact]
    public void LastChange_BeforeAnyChange_IsTheEmptyView()
    {
        var (previous, changedAt) = new ClusterMembership().LastChange;

        Assert.Same(MembershipView.Empty, previous);
        Assert.Equal(DateTimeOffset.MinValue, changedAt);
    }

    private static SiloEntry Silo(SiloStatus status, long version) => new(
        Guid.Parse("00000000-0000-0000-0000-000000000001"),
        "one",
        "127.0.0.1:1",
        1,
        status,
        Start,
        Start,
        null,
        null,
        version,
        new Dictionary<string, int>());
}
