using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Cards;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Loyalty.Web.Tests.AdminSite.Dashboard;

/// <summary>
/// Known data for the dashboard, made through the real APIs and grains on a manual clock (Luxembourg stores, UTC+1 in
/// March): merchant M with stores S1 and S2 and programs P (hybrid, welcome bonus 50), Q (stamps) and E (points that
/// expire 30 days after earning); another merchant with a card of its own.
/// <list type="bullet">
/// <item>2026-03-02 10:00Z: card A enrols in P at S1 (+50 welcome), 2 stamps at S1.</item>
/// <item>2026-03-02 23:30Z (local 03-03 00:30): card B enrols in P at S2 (+50 welcome).</item>
/// <item>2026-03-03 10:00Z: A 2 stamps (a reward) and 200 points at S1, redeems the 100-point Mug at S1 and a stamp
/// reward at S2; card E1 enrols in E at S1 and earns 300 points.</item>
/// <item>2026-03-04 10:00Z: B earns 100 points (voided by an admin) and 3 stamps at S2; card C enrols in Q at S1, 3 stamps,
/// redeems its reward (voided by an admin); A is adjusted by +5 points; the other merchant's card takes 3 stamps.</item>
/// <item>2026-04-02 12:00Z: E1's 300 points expire (its expiry reminder ticks).</item>
/// </list>
/// </summary>
public sealed class DashboardWorld : TerminalApp, IAsyncLifetime
{
    public const string TimeZone = "Europe/Luxembourg";

    public Guid MerchantId { get; private set; }

    public Guid OtherMerchantId { get; private set; }

    public Guid Store1 { get; private set; }

    public Guid Store2 { get; private set; }

    public Guid OtherStore { get; private set; }

    public Guid ProgramP { get; private set; }

    public Guid ProgramQ { get; private set; }

    public Guid ProgramE { get; private set; }

    public string MerchantName { get; } = $"Dashboard merchant {Guid.NewGuid():N}"[..30];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = Admin();
        MerchantId = await MerchantAsync(admin, MerchantName);
        OtherMerchantId = await MerchantAsync(admin, "Other merchant");
        Store1 = await StoreAsync(admin, MerchantId, "Ville-Haute");
        Store2 = await StoreAsync(admin, MerchantId, "Kirchberg");
        OtherStore = await StoreAsync(admin, OtherMerchantId, "Elsewhere");
        var p = await CreateProgramAsync(MerchantId, new
        {
            name = "Hybrid", kind = "hybrid", stampsRequired = 3, stampRewardName = "Coffee", pointsPerCurrencyUnit = 10, currency = "EUR",
            rewards = new[] { new { name = "Mug", pointsCost = 100 } }, welcomeBonusPoints = 50,
        });
        ProgramP = p.GetProperty("id").GetGuid();
        var mug = p.GetProperty("rewards")[0].GetProperty("id").GetString()!;
        ProgramQ = (await CreateProgramAsync(MerchantId, new { name = "Cake card", kind = "stamps", stampsRequired = 3, stampRewardName = "Cake" })).GetProperty("id").GetGuid();
        ProgramE = (await CreateProgramAsync(MerchantId, new
        {
            name = "Expiring points", kind = "points", pointsPerCurrencyUnit = 10, currency = "EUR",
            rewards = new[] { new { name = "Bag", pointsCost = 1000 } }, pointExpiry = new { mode = "afterEarning", days = 30 },
        })).GetProperty("id").GetGuid();
        var otherProgram = (await CreateProgramAsync(OtherMerchantId, new { name = "Other", kind = "stamps", stampsRequired = 3, stampRewardName = "Tea" })).GetProperty("id").GetGuid();

        var s1 = await TillAsync(Store1);
        var s2 = await TillAsync(Store2);
        var so = await TillAsync(OtherStore);

        var a = await s1.EnrolAsync(ProgramP);
        await s1.SendAsync($"cards/{a}/stamps", new { count = 2 });

        Clock.Advance(TimeSpan.FromHours(13.5));
        var b = await s2.EnrolAsync(ProgramP);

        Clock.Advance(TimeSpan.FromHours(10.5));
        await s1.SendAsync($"cards/{a}/stamps", new { count = 2 });
        await s1.SendAsync($"cards/{a}/points", new { purchaseAmountMinor = 2000, currency = "EUR" });
        await s1.SendAsync($"cards/{a}/point-redemptions", new { rewardId = mug });
        await s2.SendAsync($"cards/{a}/stamp-redemptions", new { });
        var e1 = await s1.EnrolAsync(ProgramE);
        await s1.SendAsync($"cards/{e1}/points", new { purchaseAmountMinor = 3000, currency = "EUR" });

        Clock.Advance(TimeSpan.FromDays(1));
        var earned = await s2.SendAsync($"cards/{b}/points", new { purchaseAmountMinor = 1000, currency = "EUR" });
        await s2.SendAsync($"cards/{b}/stamps", new { count = 3 });
        await VoidAsync(admin, b, earned.GetProperty("transactionId").GetGuid());
        var c = await s1.EnrolAsync(ProgramQ);
        await s1.SendAsync($"cards/{c}/stamps", new { count = 3 });
        var redeemed = await s1.SendAsync($"cards/{c}/stamp-redemptions", new { });
        await VoidAsync(admin, c, redeemed.GetProperty("transactionId").GetGuid());
        var adjusted = await admin.PostAsJsonAsync($"/api/admin/v1/cards/{a}/adjustments",
            new { stampsDelta = 0, pointsDelta = 5, reason = "Goodwill", idempotencyKey = Key() });
        Assert.True(adjusted.IsSuccessStatusCode, await adjusted.Content.ReadAsStringAsync());
        var o = await so.EnrolAsync(otherProgram);
        await so.SendAsync($"cards/{o}/stamps", new { count = 3 });

        // E1's points (earned 2026-03-03 10:00Z) expire 30 days later. The clock moves past that and the card grain gets its
        // expiry reminder's tick (delivered here rather than by the reminder service, whose table polling runs on real
        // time); a tick of the registered reminder arriving too would find nothing more due.
        var expiredAt = new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero);
        Clock.Advance(expiredAt - Clock.GetUtcNow());
        var remindable = App.Services.GetRequiredService<IGrainFactory>().GetGrain<ICardGrain>(e1).AsReference<IRemindable>();
        await remindable.ReceiveReminder(CardGrain.ExpiryReminder, new TickStatus(expiredAt.UtcDateTime, TimeSpan.FromDays(1), expiredAt.UtcDateTime));
        Assert.Equal(1, await QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'expiry' AND points_delta = -300", e1));
    }

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    private static string Key() => $"dashboard-{Guid.NewGuid():N}";

    private static async Task<Guid> MerchantAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/v1/merchants", new { name, slug = AdminApi.UniqueSlug("dash") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> StoreAsync(HttpClient admin, Guid merchantId, string name)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/merchants/{merchantId}/stores", new { name, slug = AdminApi.UniqueSlug("store"), timeZone = TimeZone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task VoidAsync(HttpClient admin, string cardNumber, Guid transactionId)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/cards/{cardNumber}/voids", new { transactionId, reason = "Keyed twice", idempotencyKey = Key() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Till> TillAsync(Guid storeId)
    {
        var pinId = await CreatePinAsync(storeId, "2468");
        var device = await PairAsync(storeId);
        return new Till(Device(device.Token), pinId);
    }

    /// <summary>A paired device of a store and its staff PIN, sending terminal operations.</summary>
    private sealed class Till(HttpClient client, Guid pinId)
    {
        public async Task<string> EnrolAsync(Guid programId) =>
            (await SendAsync("enrollments", new { programId, email = $"{Guid.NewGuid():N}@example.com", name = "Lena Weber" }))
                .GetProperty("cardNumber").GetString()!;

        public async Task<JsonElement> SendAsync(string path, object body)
        {
            var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            fields["pinId"] = pinId;
            fields["idempotencyKey"] = Key();
            var response = await client.PostAsJsonAsync($"/api/terminal/v1/{path}", fields);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
