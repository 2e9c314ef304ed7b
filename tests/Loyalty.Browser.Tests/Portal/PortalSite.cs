using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Pairing;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Portal;

/// <summary>
/// The site on a manual clock for the customer portal's browser tests, with a platform-admin token for the admin view,
/// and the terminal side a customer's stamps come from: a paired device and a staff PIN, used over the terminal API.
/// </summary>
public sealed class PortalSite : SiteApp
{
    public const string AdminToken = "portal-browser-admin-token-0123456789abcdefghijkl";
    public const string Pin = "2468";

    public PortalSite()
        : this(new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)))
    {
    }

    private PortalSite(ManualTimeProvider clock)
        : base(new Dictionary<string, string?>
        {
            ["Loyalty:Admin:BootstrapToken"] = AdminToken,
            ["Loyalty:Portal:SignInRequestsPerMinute"] = "10000",
            ["Loyalty:Portal:SignInRequestsPerEmailPerHour"] = "10000",
        }, clock)
    {
        Clock = clock;
    }

    public ManualTimeProvider Clock { get; }

    private IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public HttpClient Http(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public async Task<string> EnrollAsync(Guid merchantId, Guid programId, string name, string email, string locale)
    {
        var outcome = await Grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email)).EnrollAsync(new EnrollmentRequest(
            programId,
            new CustomerProfile(name, email, "+352 691 123 456", new DateOnly(1988, 2, 29), locale),
            new OperationOrigin(merchantId, null, null, null, "Europe/Luxembourg", $"enrol-{Guid.NewGuid():N}", null, "test")));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!.CardNumber;
    }

    /// <summary>A tablet of the store, paired over the terminal API, and a staff PIN of the store: (device token, PIN id).</summary>
    public async Task<(string DeviceToken, Guid PinId)> TerminalAsync(TestMerchant merchant, Guid storeId)
    {
        var code = PairingCodes.Generate();
        Assert.NotNull(await Grains.GetGrain<IPairingCodeGrain>(code).IssueAsync(storeId, merchant.Id));
        using var http = Http();
        var paired = await http.PostAsJsonAsync("/api/terminal/v1/pair", new { code, deviceName = "Counter" });
        Assert.True(paired.IsSuccessStatusCode, await paired.Content.ReadAsStringAsync());
        var token = (await paired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
        var pinId = Guid.NewGuid();
        await Grains.GetGrain<IPinGrain>(pinId).CreateAsync(new CreatePinCommand(storeId, merchant.Id, "Anna", Pin, "test"));
        return (token, pinId);
    }

    /// <summary>Sends a card operation through the terminal API, as a tablet does.</summary>
    public async Task TerminalPostAsync(string deviceToken, string path, object body)
    {
        using var http = Http(deviceToken);
        var response = await http.PostAsJsonAsync($"/api/terminal/v1/{path}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The link of the newest <c>portal-sign-in</c> outbox row of the card, as a path on this site.</summary>
    public async Task<string?> LatestSignInLinkAsync(string cardNumber)
    {
        var payload = await ScalarAsync<string>("SELECT payload::text FROM outbox WHERE card_number = $1 AND topic = 'portal-sign-in' ORDER BY id DESC LIMIT 1", cardNumber);
        return payload is null ? null : new Uri(JsonDocument.Parse(payload).RootElement.GetProperty("link").GetString()!).AbsolutePath;
    }

    public Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => TestDatabase.ScalarAsync<T>(ConnectionString, sql, parameters);

    /// <summary>Asks for a sign-in link on the portal's page, as the customer does, and returns the link the outbox got.</summary>
    public async Task<string> RequestLinkAsync(IPage page, string slug, string email, string cardNumber)
    {
        await page.GotoAsync($"/m/{slug}/portal");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("p[role=status]")).ToContainTextAsync(email);
        return (await LatestSignInLinkAsync(cardNumber))!;
    }

    /// <summary>Runs axe on the page: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(blocking.Count == 0, $"{page.Url}: {string.Join("; ", blocking)}");
    }
}
