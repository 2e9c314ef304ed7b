using Loyalty.Web.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AdminSite.Dashboard;

public sealed class AnalyticsReadModelTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private static readonly TimeZoneInfo Luxembourg = TimeZoneInfo.FindSystemTimeZoneById(DashboardWorld.TimeZone);

    private AnalyticsReadModel ReadModel => world.App.Services.GetRequiredService<AnalyticsReadModel>();

    [Fact]
    public async Task ReadAsync_WholeMerchant_TotalsAreTheKnownOperations()
    {
        var report = await ReadModel.ReadAsync(Query(), CancellationToken.None);

        var totals = report.Totals;
        Assert.Equal((4L, 10L, 3L, 1L, 600L, 1L, 100L, 2L), (totals.Enrolments, totals.StampsGiven, totals.StampRewardsEarned,
            totals.StampRewardsRedeemed, totals.PointsIssued, totals.PointRewardsRedeemed, totals.PointsRedeemed, totals.Redemptions));
        Assert.Equal(1m / 3m, report.StampRedemptionRate);
        Assert.Equal(100m / 600m, report.PointsRedemptionRate);

        // A holds 1 stamp, 155 points; B a reward and 50 points; C its reward back from the void; E1's 300 points expired.
        Assert.Equal(new AnalyticsLiability(2, 205, 3), report.Liability);
    }

    [Fact]
    public async Task ReadAsync_WholeMerchant_DaysAreLocalDaysAndActiveCardsTrailThirtyDays()
    {
        var report = await ReadModel.ReadAsync(Query(), CancellationToken.None);

        Assert.Equal(32, report.Days.Count);
        Assert.Equal((1L, 2L, 1L), (report.Days[0].Enrolments, report.Days[1].Enrolments, report.Days[2].Enrolments));
        Assert.Equal((1L, 3L, 4L), (report.Days[0].ActiveCards, report.Days[1].ActiveCards, report.Days[2].ActiveCards));
        Assert.Equal((4L, 2L), (report.Days[30].ActiveCards, report.Days[31].ActiveCards));
        Assert.Equal((550L, 0L), (report.Days[1].PointsIssued, report.Days[2].PointsIssued));
    }

    [Theory]
    [InlineData(false, false, 3, 2)]
    [InlineData(true, false, 3, 2)]
    [InlineData(false, true, 3, 2)]
    [InlineData(false, false, 3, 3)]
    [InlineData(false, false, 3, 20)]
    [InlineData(true, false, 4, 1)]
    public async Task ReadAsync_AnyScope_EveryDayEqualsTheLedgerRows(bool store1, bool programP, int fromMonth, int fromDay)
    {
        var query = Query(store1 ? world.Store1 : null, programP ? world.ProgramP : null) with { From = DashboardWorld.Day(fromMonth, fromDay) };
        var rows = await LedgerFigures.ReadAsync(world.App.ConnectionString, world.MerchantId);

        var report = await ReadModel.ReadAsync(query, CancellationToken.None);

        Assert.Equal(LedgerFigures.Days(rows, query), report.Days);
        Assert.Equal(store1 ? null : LedgerFigures.Liability(rows, query.ProgramId, query.EndUtc), report.Liability);
    }

    [Fact]
    public async Task ReadAsync_StoreAndProgram_CountOnlyTheirOperations()
    {
        var store = (await ReadModel.ReadAsync(Query(world.Store1), CancellationToken.None)).Totals;
        var program = await ReadModel.ReadAsync(Query(programId: world.ProgramQ), CancellationToken.None);

        // At S1: A, E1 and C enrol; A's 2 + 2 and C's 3 stamps; C's redemption voided; A's welcome, 200 and E1's 300 points.
        Assert.Equal((3L, 7L, 2L, 0L, 550L, 1L, 100L), (store.Enrolments, store.StampsGiven, store.StampRewardsEarned, store.StampRewardsRedeemed,
            store.PointsIssued, store.PointRewardsRedeemed, store.PointsRedeemed));
        Assert.Equal((1L, 3L, 1L, 0L, 0L), (program.Totals.Enrolments, program.Totals.StampsGiven, program.Totals.StampRewardsEarned,
            program.Totals.StampRewardsRedeemed, program.Totals.PointsIssued));
        Assert.Equal(new AnalyticsLiability(1, 0, 1), program.Liability);
    }

    [Fact]
    public async Task ReadAsync_RangeEndingBeforeTheExpiry_LiabilityHoldsThePointsThen()
    {
        var report = await ReadModel.ReadAsync(Query() with { To = DashboardWorld.Day(3, 4) }, CancellationToken.None);

        Assert.Equal(new AnalyticsLiability(2, 505, 4), report.Liability);
    }

    [Fact]
    public async Task ReadAsync_OtherMerchant_SeesNoneOfTheseOperations()
    {
        var report = await ReadModel.ReadAsync(Query() with { MerchantId = world.OtherMerchantId }, CancellationToken.None);

        Assert.Equal((1L, 3L, 1L), (report.Totals.Enrolments, report.Totals.StampsGiven, report.Totals.StampRewardsEarned));
    }

    [Fact]
    public async Task Periods_LongRange_AreWeeksFromTheFirstDay()
    {
        var query = Query() with { From = DashboardWorld.Day(1, 1), To = DashboardWorld.Day(4, 5) };

        var report = await ReadModel.ReadAsync(query, CancellationToken.None);

        Assert.True(report.IsWeekly);
        Assert.Equal(14, report.Periods.Count);
        Assert.Equal((DashboardWorld.Day(2, 26), DashboardWorld.Day(3, 4), 4L), (report.Periods[8].Start, report.Periods[8].End, report.Periods[8].Enrolments));
        Assert.Equal((DashboardWorld.Day(4, 2), DashboardWorld.Day(4, 5)), (report.Periods[13].Start, report.Periods[13].End));
        Assert.Equal(report.Totals.PointsIssued, report.Periods.Sum(p => p.PointsIssued));
        Assert.Equal(report.Days[62].ActiveCards, report.Periods[8].ActiveCards);
    }

    private AnalyticsQuery Query(Guid? storeId = null, Guid? programId = null) =>
        new(world.MerchantId, storeId, programId, DashboardWorld.Day(3, 2), DashboardWorld.Day(4, 2), Luxembourg);
}
