using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Web.Admin;
using Loyalty.Web.Analytics;

namespace Loyalty.Web.Tests.AdminSite.Dashboard;

public sealed partial class DashboardPageTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private static readonly TimeZoneInfo Luxembourg = TimeZoneInfo.FindSystemTimeZoneById(DashboardWorld.TimeZone);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly string[] FlowStats = ["enrolments", "stamps", "points", "redemptions"];
    private static readonly string[] AllStats = [.. FlowStats, "stamp-rate", "points-rate", "active", "rewards", "unexpired-points"];

    [Fact]
    public async Task Get_PlatformAdminWithRange_EveryFigureEqualsTheLedgerRows()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.PlatformAdmin);
        var query = Query(null);
        var rows = await LedgerFigures.ReadAsync(world.App.ConnectionString, world.MerchantId);
        var days = LedgerFigures.Days(rows, query);
        var liability = LedgerFigures.Liability(rows, null, query.EndUtc);

        var html = await admin.GetPageAsync($"/admin?merchant={world.MerchantId}&from=2026-03-02&to=2026-04-02");

        var stats = Stats(html);
        Assert.Equal(N(days.Sum(d => d.Enrolments)), stats["enrolments"]);
        Assert.Equal(N(days.Sum(d => d.StampsGiven)), stats["stamps"]);
        Assert.Equal(N(days.Sum(d => d.PointsIssued)), stats["points"]);
        Assert.Equal(N(days.Sum(d => d.StampRewardsRedeemed + d.PointRewardsRedeemed)), stats["redemptions"]);
        Assert.Equal(P(days.Sum(d => d.StampRewardsRedeemed), days.Sum(d => d.StampRewardsEarned)), stats["stamp-rate"]);
        Assert.Equal(P(days.Sum(d => d.PointsRedeemed), days.Sum(d => d.PointsIssued)), stats["points-rate"]);
        Assert.Equal(N(days[^1].ActiveCards), stats["active"]);
        Assert.Equal(N(liability.UnredeemedRewards), stats["rewards"]);
        Assert.Equal(N(liability.UnexpiredPoints), stats["unexpired-points"]);

        // The known values, so the comparison above cannot pass on two equal mistakes.
        Assert.Equal(["4", "10", "600", "2", "33.3%", "16.7%", "2", "2", "205"],
            AllStats.Select(k => stats[k]));

        Assert.Equal(days.Select(d => (Long(d.Start), N(d.Enrolments))), Table(html, "chart-enrolments"));
        Assert.Equal(days.Select(d => (Long(d.Start), N(d.StampsGiven))), Table(html, "chart-stamps"));
        Assert.Equal(days.Select(d => (Long(d.Start), N(d.PointsIssued))), Table(html, "chart-points"));
        Assert.Equal(days.Select(d => (Long(d.Start), N(d.StampRewardsRedeemed + d.PointRewardsRedeemed))), Table(html, "chart-redemptions"));
        Assert.Equal(days.Select(d => (Long(d.Start), N(d.ActiveCards))), Table(html, "chart-active"));
        Assert.Equal(5, SvgCount().Count(html));
    }

    [Fact]
    public async Task Get_NoQuery_LastThirtyLocalDaysOfTheOwnersMerchant()
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);

        var html = await owner.GetPageAsync("/admin");

        // The clock stands at 2026-04-02 12:00Z: Luxembourg's 2 April, so 4 March to 2 April.
        Assert.Contains("id=\"from\" name=\"from\" value=\"2026-03-04\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"to\" name=\"to\" value=\"2026-04-02\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>" + WebUtility.HtmlEncode(world.MerchantName) + "</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"merchant\"", html, StringComparison.Ordinal);
        Assert.Equal("1", Stats(html)["enrolments"]);
        Assert.Contains("href=\"/admin?days=30\" aria-current=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StoreStaff_SeeOnlyTheirStore()
    {
        using var staff = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.StoreStaff, world.MerchantId, world.Store1);
        var rows = await LedgerFigures.ReadAsync(world.App.ConnectionString, world.MerchantId);
        var days = LedgerFigures.Days(rows, Query(world.Store1));

        var html = await staff.GetPageAsync("/admin?from=2026-03-02&to=2026-04-02");

        var stats = Stats(html);
        Assert.Equal(["3", "7", "550", "1"], FlowStats.Select(k => stats[k]));
        Assert.Equal(N(days.Sum(d => d.StampsGiven)), stats["stamps"]);
        Assert.False(stats.ContainsKey("rewards"));
        Assert.DoesNotContain("id=\"store\"", html, StringComparison.Ordinal);
        Assert.Equal(days.Select(d => (Long(d.Start), N(d.ActiveCards))), Table(html, "chart-active"));
    }

    [Fact]
    public async Task Get_IdsOutOfReach_AnswerTheNotFoundPage()
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.StoreStaff, world.MerchantId, world.Store1);
        using var admin = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.PlatformAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/admin?merchant={world.OtherMerchantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/admin?store={world.OtherStore}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/admin?program={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin?store={world.Store2}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin?merchant={world.OtherMerchantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin?merchant={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin?merchant={world.MerchantId}&store={world.OtherStore}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin?merchant=not-an-id")).StatusCode);

        // The rightful owner's same requests answer.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/admin?merchant={world.MerchantId}&store={world.Store2}&program={world.ProgramQ}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/admin?store={world.Store1}")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-04-02&to=2026-03-02", "to", "The last day must not be before the first day.")]
    [InlineData("from=2025-01-01&to=2026-01-02", "from", "Choose at most 366 days.")]
    [InlineData("from=2026-03-02&to=", "to", "Enter the last day.")]
    [InlineData("from=yesterday&to=2026-03-02", "from", "Enter a date as year-month-day.")]
    public async Task Get_BadRange_FieldErrorAndNoFigures(string range, string field, string error)
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);

        var html = await owner.GetPageAsync($"/admin?{range}");

        Assert.Contains($"<span id=\"{field}-error\" class=\"field-error\">{error}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}\" name=\"{field}\"", html, StringComparison.Ordinal);
        Assert.Empty(Stats(html));
    }

    [Fact]
    public async Task Get_RangeWithoutOperations_EmptyState()
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);

        var html = await owner.GetPageAsync("/admin?from=2026-01-01&to=2026-01-31");

        Assert.Contains("<p class=\"empty-state\">No operations in this range.</p>", html, StringComparison.Ordinal);
        Assert.Equal(0, SvgCount().Count(html));
        Assert.Equal("0", Stats(html)["enrolments"]);
    }

    [Fact]
    public async Task Get_LongRange_WeeklyCharts()
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);

        var html = await owner.GetPageAsync("/admin?from=2026-01-01&to=2026-04-05");

        var enrolments = Table(html, "chart-enrolments");
        Assert.Equal(14, enrolments.Count);
        Assert.Equal(("26 Feb – 4 Mar", "4"), enrolments[8]);
    }

    [Fact]
    public async Task Get_French_LocalizedTextsNumbersAndDates()
    {
        using var owner = await AdminSiteClient.CreateSignedInAsync(world.App, AdminPrincipal.MerchantOwner, world.MerchantId);

        var html = await owner.GetPageAsync("/admin?from=2026-03-02&to=2026-04-02&lang=fr");

        Assert.Contains("<title>Tableau de bord · ", html, StringComparison.Ordinal);
        var stats = Stats(html);
        Assert.Equal((1m / 3m).ToString("P1", CultureInfo.GetCultureInfo("fr")), stats["stamp-rate"]);
        Assert.Equal(("lundi 2 mars 2026", "1"), Table(html, "chart-enrolments")[0]);
    }

    private AnalyticsQuery Query(Guid? storeId) =>
        new(world.MerchantId, storeId, null, DashboardWorld.Day(3, 2), DashboardWorld.Day(4, 2), Luxembourg);

    private static string N(long value) => value.ToString("N0", English);

    private static string P(long part, long whole) => ((decimal)part / whole).ToString("P1", English);

    private static string Long(DateOnly day) => day.ToString("D", English);

    private static Dictionary<string, string> Stats(string html) =>
        StatPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static List<(string Period, string Value)> Table(string html, string chartId)
    {
        var figure = Regex.Match(html, $"<figure class=\"chart\" id=\"{chartId}\">(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(figure.Success, chartId);
        return [.. RowPattern().Matches(figure.Groups[1].Value).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    [GeneratedRegex("data-stat=\"([a-z-]+)\"><dt>[^<]*</dt><dd>([^<]*)</dd>")]
    private static partial Regex StatPattern();

    [GeneratedRegex("<tr><th scope=\"row\">([^<]*)</th><td class=\"number\">([^<]*)</td></tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<svg ")]
    private static partial Regex SvgCount();
}
