using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Resync;

namespace Loyalty.Wallet.Tests.Passes;

public sealed class PassNotificationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PassSnapshot Before = new(100, 3, 0, "bronze", true, null, 0);

    [Fact]
    public void ReasonFor_BalanceOnly_IsSilent() =>
        Assert.Equal(NotifyReason.None, PassNotifications.ReasonFor(Before, Before with { Points = 180, Stamps = 4 }));

    [Fact]
    public void ReasonFor_RewardTierExpiry_Notify()
    {
        Assert.Equal(NotifyReason.RewardReady, PassNotifications.ReasonFor(Before, Before with { RewardsReady = 1, Stamps = 0 }));
        Assert.Equal(NotifyReason.TierChanged, PassNotifications.ReasonFor(Before, Before with { Tier = "silver" }));
        Assert.Equal(NotifyReason.PointsExpiring, PassNotifications.ReasonFor(Before, Before with { ExpiringSoon = Now.AddDays(14), ExpiringPoints = 40 }));
    }

    [Fact]
    public void ReasonFor_FirstVersionOrClosedCardOrSameExpiry_IsSilent()
    {
        Assert.Equal(NotifyReason.None, PassNotifications.ReasonFor(null, Before with { RewardsReady = 2 }));
        Assert.Equal(NotifyReason.None, PassNotifications.ReasonFor(Before, Before with { RewardsReady = 2, Active = false }));
        var expiring = Before with { ExpiringSoon = Now.AddDays(10), ExpiringPoints = 40 };
        Assert.Equal(NotifyReason.None, PassNotifications.ReasonFor(expiring, expiring with { Points = 90 }));
    }

    [Fact]
    public void Allowed_ThreeInTheLast24Hours_RefusesTheFourthUntilTheFirstAges()
    {
        DateTimeOffset[] sent = [Now.AddHours(-23), Now.AddHours(-2), Now.AddMinutes(-1)];

        Assert.False(PassNotifications.Allowed(sent, Now, TimeSpan.FromHours(24), 3));
        Assert.True(PassNotifications.Allowed(sent, Now.AddHours(1), TimeSpan.FromHours(24), 3));
        Assert.Equal(2, PassNotifications.Recent(sent, Now.AddHours(1), TimeSpan.FromHours(24)).Count);
    }

    [Fact]
    public void RetryDelay_Doubles_UpToTheCap()
    {
        var first = TimeSpan.FromMinutes(1);
        var max = TimeSpan.FromHours(1);

        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 60, 60],
            Enumerable.Range(1, 8).Select(failures => RetryDelay.After(failures, first, max).TotalMinutes));
    }
}
