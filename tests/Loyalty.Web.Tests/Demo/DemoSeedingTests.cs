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
        Assert.Equal(5L, await ScalarAsync(App, "SELECT count(*) FROM audit_log WHERE actor = 'system'"));
        Assert.Equal(5L, await ScalarAsync(App, "SELECT count(*) FROM audit_log"));
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
