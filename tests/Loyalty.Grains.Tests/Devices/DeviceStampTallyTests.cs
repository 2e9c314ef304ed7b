using Loyalty.Grains.Devices;
using Loyalty.Grains.Rules;
using Loyalty.Grains.Tests.Cards;

namespace Loyalty.Grains.Tests.Devices;

public sealed class DeviceStampTallyTests
{
    private static readonly DateTimeOffset Evening = new(2026, 5, 16, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_OverCap_RefusedUntilLocalMidnight()
    {
        var tally = DeviceStampTally.Empty.Add(8, Evening, CardFixtures.Luxembourg);

        var violation = tally.Check(3, Evening.AddMinutes(30), CardFixtures.Luxembourg, cap: 10);

        Assert.Equal(ErrorCodes.DailyLimitReached, violation?.Code);
        Assert.Equal(new DateTimeOffset(2026, 5, 17, 0, 0, 0, TimeSpan.FromHours(2)), violation?.RetryAt);
    }

    [Fact]
    public void Add_AfterLocalMidnight_StartsNewDay()
    {
        var tally = DeviceStampTally.Empty.Add(10, Evening, CardFixtures.Luxembourg);
        var afterMidnight = Evening.AddHours(1).AddMinutes(30);

        Assert.Null(tally.Check(10, afterMidnight, CardFixtures.Luxembourg, cap: 10));
        Assert.Equal(new DeviceStampTally(new DateOnly(2026, 5, 17), 2), tally.Add(2, afterMidnight, CardFixtures.Luxembourg));
    }

    [Fact]
    public void Check_NoCap_Allowed() =>
        Assert.Null(DeviceStampTally.Empty.Add(1000, Evening, TimeZoneInfo.Utc).Check(1000, Evening, TimeZoneInfo.Utc, cap: null));
}
