using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Grains.Demo;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Demo;

public sealed class DemoSeedingTests(DemoSeedingApp fixture) : IClassFixture<DemoSeedingApp>
{
    private WebApp App => fixture.App;

    [Fact]
    public async Task Startup_EmptyDatabase_SeedsTheDemoOnce_AndSeedingAgainChangesNothing()
    {
        var seeder = App.Services.GetRequiredService<DemoSeeder>();

        // Two more runs at once, as when several processes start together: the lock makes them wait, then skip.
        var again = await Task.WhenAll(seeder.SeedAsync(CancellationToken.None), seeder.SeedAsync(CancellationToken.None));

        Assert.Equal([0, 0], again);
        Assert.Equal(1L, await ScalarAsync(App, "SELECT count(*) FROM merchants"));
        Assert.Equal("fashionhub", await ScalarAsync(App, "SELECT slug FROM merchants WHERE merchant_id = $1", DemoCatalog.MerchantId));
        Assert.Equal(2L, await ScalarAsync(App, "SELECT count(*) FROM stores"));
        Assert.Equal(2L, await ScalarAsync(App, "SELECT count(*) FROM programs"));
        Assert.Equal(4L, await ScalarAsync(App, "SELECT count(*) FROM staff_pins WHERE merchant_id = $1", DemoCatalog.MerchantId));
        Assert.Equal(5L, await ScalarAsync(App, "SELECT count(*) FROM cards WHERE merchant_id = $1", DemoCatalog.MerchantId));

        // One ledger entry per operation: 5 enrolments, the points program's 2 welcome bonuses, 3 stamp operations, 2 purchases.
        Assert.Equal(12L, await ScalarAsync(App, "SELECT count(*) FROM ledger_entries"));
        // The seed's 9, and the first platform-admin account the first start creates (not the seed's: it is made with or
        // without demo data).
        Assert.Equal(10L, await ScalarAsync(App, "SELECT count(*) FROM audit_log WHERE actor = 'system'"));
        Assert.Equal(1L, await ScalarAsync(App, "SELECT count(*) FROM audit_log WHERE action = 'admin-account.created'"));
        // The other test here pairs a terminal, which audits itself; everything else is the seed's or that account's.
        Assert.Equal(10L, await ScalarAsync(App, "SELECT count(*) FROM audit_log WHERE action <> 'device.paired'"));
        Assert.Equal(4L, await ScalarAsync(App, "SELECT count(*) FROM audit_log WHERE action = 'pin.created'"));
    }

    [Fact]
    public async Task Startup_EmptyDatabase_SeedsStaffWithTheDocumentedPinsAndCardsWithHistory()
    {
        using var admin = App.CreateClient(WebApp.BootstrapToken);
        var codeResponse = await admin.PostAsJsonAsync($"{Base}/stores/{DemoCatalog.CityStoreId}/pairing-codes", new { });
        var code = (await codeResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        using var anonymous = App.CreateClient(bearerToken: null);
        var pairing = await (await anonymous.PostAsJsonAsync("/api/terminal/v1/pair", new { code, deviceName = "Demo till" })).Content.ReadFromJsonAsync<JsonElement>();
        using var till = App.CreateClient(pairing.GetProperty("deviceToken").GetString());

        var staff = (await till.GetFromJsonAsync<JsonElement>("/api/terminal/v1/staff")).EnumerateArray().ToList();
        var anna = await till.PostAsJsonAsync($"/api/terminal/v1/staff/{DemoCatalog.CityAnnaPinId}/verify", new { pin = DemoCatalog.FirstPin });
        var luc = await till.PostAsJsonAsync($"/api/terminal/v1/staff/{DemoCatalog.CityLucPinId}/verify", new { pin = DemoCatalog.SecondPin });

        Assert.Equal(["Anna", "Luc"], staff.Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, anna.StatusCode);
        Assert.Equal(HttpStatusCode.OK, luc.StatusCode);
        var emma = await CardAsync(admin, "emma.schmit@example.com");
        Assert.Equal((9, 0), (emma.GetProperty("stamps").GetInt32(), emma.GetProperty("rewardsAvailable").GetInt32()));
        var paul = await CardAsync(admin, "paul.weber@example.com");
        Assert.Equal((0, 1), (paul.GetProperty("stamps").GetInt32(), paul.GetProperty("rewardsAvailable").GetInt32()));
        var lena = await CardAsync(admin, "lena.muller@example.com");
        Assert.Equal(50 + 425, lena.GetProperty("points").GetInt64());
        Assert.Equal("Lena Muller", lena.GetProperty("customer").GetProperty("name").GetString());
    }

    private async Task<JsonElement> CardAsync(HttpClient admin, string email)
    {
        var number = (string)(await ScalarAsync(App, "SELECT card_number FROM cards WHERE customer_email = $1", email))!;
        return await admin.GetFromJsonAsync<JsonElement>($"{Base}/cards/{number}");
    }

    [Fact]
    public async Task Startup_EmptyDatabase_SeedsWhatTheApiShows()
    {
        using var client = App.CreateClient(WebApp.BootstrapToken);
        var merchant = DemoCatalog.MerchantId;

        var stores = (await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchant}/stores?locale=lb")).EnumerateArray().ToList();
        var programs = (await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchant}/programs")).EnumerateArray().ToList();

        Assert.Equal(2, stores.Count);
        Assert.All(stores, store => Assert.Equal("lb", store.GetProperty("descriptionLocale").GetString()));
        Assert.All(stores, store => Assert.Equal(4, store.GetProperty("descriptions").EnumerateObject().Count()));
        var stamps = Assert.Single(programs, p => p.GetProperty("kind").GetString() == "stamps");
        Assert.Equal(10, stamps.GetProperty("stampsRequired").GetInt32());
        Assert.Equal("Free coffee", stamps.GetProperty("stampRewardName").GetString());
        var points = Assert.Single(programs, p => p.GetProperty("kind").GetString() == "points");
        Assert.Equal(10, points.GetProperty("pointsPerCurrencyUnit").GetInt32());
        Assert.Equal(2, points.GetProperty("rewards").GetArrayLength());
        Assert.Equal(50, points.GetProperty("welcomeBonusPoints").GetInt64());
        Assert.Equal("afterEarning", points.GetProperty("pointExpiry").GetProperty("mode").GetString());
        Assert.Equal(365, points.GetProperty("pointExpiry").GetProperty("days").GetInt32());
    }
}
