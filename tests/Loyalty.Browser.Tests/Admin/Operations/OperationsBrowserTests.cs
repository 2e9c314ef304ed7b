using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.Web.Admin;
using Loyalty.Web.Pairing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Operations;

/// <summary>
/// The admin operations journeys in Chromium: create a staff PIN, pair a device with the code the page shows (as a
/// tablet would), revoke a device after confirming (its next terminal call is refused), and axe on every page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class OperationsBrowserTests(SiteApp app)
{
    private const string TerminalApi = "api/terminal/v1/";

    public static TheoryData<string> Schemes => ["light", "dark"];

    [Fact]
    public async Task CreatePin_ThroughTheForm_IsListedWithASuccessMessage()
    {
        var (merchant, storeId) = await CreateStoreAsync();
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
        await page.GotoAsync($"/admin/staff?store={storeId}");

        await page.Locator("#Name").FillAsync("Ana Reis");
        await page.Locator("#Pin").FillAsync("482913");
        var created = await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Create PIN" }).ClickAsync());

        Assert.Equal(new Uri(app.BaseAddress, $"admin/staff?store={storeId}").ToString(), created.Url);
        Assert.Equal("PIN created for Ana Reis.", await page.Locator(".flash").InnerTextAsync());
        var row = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Ana Reis" }) });
        Assert.Equal(["Ana Reis", "6", "Offline verifier", "0", "Active"], (await row.Locator("th, td").AllInnerTextsAsync()).Take(5).Select(text => text.Trim()));
    }

    [Fact]
    public async Task PairDevice_TheTabletRedeemsTheManualCode_AndTheDeviceIsListed()
    {
        var (merchant, storeId) = await CreateStoreAsync();
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
        await page.GotoAsync($"/admin/devices?store={storeId}");

        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Create a pairing code" }).ClickAsync());
        var code = await page.Locator("#pairing-code").InnerTextAsync();
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = $"QR code of the pairing code {code}" }).IsVisibleAsync());
        var (deviceId, _) = await PairAsync(code, "Counter tablet");
        await page.ReloadAsync();

        var row = page.Locator($"tr[data-device-id='{deviceId}']");
        Assert.Equal("Counter tablet", await row.Locator("th").InnerTextAsync());
        Assert.Equal("Active", await row.Locator(".badge").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#pairing-code").CountAsync());
    }

    [Fact]
    public async Task RevokeDevice_AfterConfirming_ItsNextTerminalCallIsRefused()
    {
        var (merchant, storeId) = await CreateStoreAsync();
        var issued = await app.Services.GetRequiredService<PairingCodeIssuer>().IssueAsync(storeId, merchant.Id);
        var (deviceId, token) = await PairAsync(issued.Code, "Till 7");
        using var terminal = Terminal(token);
        Assert.Equal(HttpStatusCode.OK, (await terminal.GetAsync("staff")).StatusCode);
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
        await page.GotoAsync($"/admin/devices?store={storeId}");
        var row = page.Locator($"tr[data-device-id='{deviceId}']");

        var confirm = row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke this device" });
        Assert.False(await confirm.IsVisibleAsync());
        await row.Locator("summary", new() { HasText = "Revoke…" }).ClickAsync();
        await JoinForm.NavigateAsync(page, () => confirm.ClickAsync());

        Assert.Equal("Till 7 is revoked.", await page.Locator(".flash").InnerTextAsync());
        Assert.Equal("Revoked", await page.Locator($"tr[data-device-id='{deviceId}'] .badge").InnerTextAsync());
        var refused = await terminal.GetAsync("staff");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("device-revoked", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task OperationsPages_HaveNoSeriousOrCriticalViolations(string scheme)
    {
        var (merchant, storeId) = await CreateStoreAsync();
        var issued = await app.Services.GetRequiredService<PairingCodeIssuer>().IssueAsync(storeId, merchant.Id);
        await PairAsync(issued.Code, "Counter tablet");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin, language: "fr");
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var problems = new List<string>();

        await page.GotoAsync($"/admin/staff?store={storeId}");
        await page.Locator("#Name").FillAsync("Ana Reis");
        await page.Locator("#Pin").FillAsync("4829");
        await JoinForm.NavigateAsync(page, () => page.Locator("form[action*='handler=Create'] button[type=submit]").ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "staff"));
        await JoinForm.NavigateAsync(page, () => page.Locator("form[action*='handler=Create'] button[type=submit]").ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "staff with field errors"));
        await page.GotoAsync("/admin/staff");
        problems.AddRange(await ViolationsAsync(page, "staff, store picker"));
        await page.GotoAsync($"/admin/devices?store={storeId}");
        await JoinForm.NavigateAsync(page, () => page.Locator("form[action*='handler=Pair'] button[type=submit]").ClickAsync());
        await page.Locator("tbody summary").First.ClickAsync();
        problems.AddRange(await ViolationsAsync(page, "devices with a pairing code and an open confirmation"));
        await page.GotoAsync("/admin/cluster");
        problems.AddRange(await ViolationsAsync(page, "cluster"));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task OperationsPages_ArePhotographed()
    {
        var merchant = await app.Catalog.CreateMerchantAsync("Fashion Hub");
        var storeId = await app.Catalog.CreateStoreAsync(merchant, "Fashion Hub Ville-Haute", new Dictionary<string, string?> { ["en"] = "Old town" });
        var issued = await app.Services.GetRequiredService<PairingCodeIssuer>().IssueAsync(storeId, merchant.Id);
        await PairAsync(issued.Code, "Counter tablet");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;

        await page.GotoAsync($"/admin/staff?store={storeId}");
        foreach (var (name, pin) in new[] { ("Luc Weber", "739105"), ("Marie Schmit", "2468") })
        {
            await page.Locator("#Name").FillAsync(name);
            await page.Locator("#Pin").FillAsync(pin);
            await JoinForm.NavigateAsync(page, () => page.Locator("form[action*='handler=Create'] button[type=submit]").ClickAsync());
        }

        await ShootAsync(page, Path.Combine(folder, "admin-staff.png"));
        await page.GotoAsync($"/admin/devices?store={storeId}");
        await JoinForm.NavigateAsync(page, () => page.Locator("form[action*='handler=Pair'] button[type=submit]").ClickAsync());
        await ShootAsync(page, Path.Combine(folder, "admin-devices.png"));
        await page.GotoAsync("/admin/cluster");
        await ShootAsync(page, Path.Combine(folder, "admin-cluster.png"));
    }

    private async Task<(TestMerchant Merchant, Guid StoreId)> CreateStoreAsync()
    {
        var merchant = await app.Catalog.CreateMerchantAsync();
        var storeId = await app.Catalog.CreateStoreAsync(merchant, "Ville-Haute", new Dictionary<string, string?> { ["en"] = "Old town" });
        return (merchant, storeId);
    }

    private HttpClient Terminal(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseAddress, TerminalApi) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    // What a tablet does with the code an admin shows it: POST /pair, and keep the token.
    private async Task<(Guid DeviceId, string Token)> PairAsync(string code, string deviceName)
    {
        using var tablet = Terminal(null);
        var response = await tablet.PostAsJsonAsync("pair", new { code, deviceName });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("deviceId").GetGuid(), body.GetProperty("deviceToken").GetString()!);
    }

    private static async Task ShootAsync(IPage page, string path)
    {
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{name}: {violation.Id} ({violation.Impact}): {violation.Help}: {string.Join(" | ", violation.Nodes.Select(node => node.Html))}");
    }
}
