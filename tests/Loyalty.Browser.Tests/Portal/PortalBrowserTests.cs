using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.GrainInterfaces.Programs;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Portal;

/// <summary>The customer portal in Chromium: sign-in by e-mail link, cards and history, export, erasure, refused links.</summary>
public sealed class PortalBrowserTests(PortalSite site) : IClassFixture<PortalSite>
{
    [Fact]
    public async Task Portal_SignInByLink_ShowsTheTerminalsStampWithItsStoreThenExportsAndErases()
    {
        var (merchant, storeId, coffee, _) = await ShopAsync();
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await site.EnrollAsync(merchant.Id, coffee, "Lena Weber", email, "en");
        var (device, pinId) = await site.TerminalAsync(merchant, storeId);
        await site.TerminalPostAsync(device, $"cards/{card}/stamps", new { count = 3, pinId, idempotencyKey = $"stamp-{card}" });
        var page = await site.NewPageAsync("en");

        // Sign in: ask for a link, read it from the outbox row, open it and press the button.
        await page.GotoAsync($"/m/{merchant.Slug}/portal");
        await PortalSite.AssertAccessibleAsync(page);
        var link = await site.RequestLinkAsync(page, merchant.Slug, email, card);
        await PortalSite.AssertAccessibleAsync(page);
        await page.GotoAsync(link);
        await PortalSite.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The card, then its history: the terminal's stamps with their reason and store.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.BaseAddress, $"m/{merchant.Slug}/portal/cards").ToString());
        await Assertions.Expect(page.GetByText("3 of 10 stamps toward Free coffee")).ToBeVisibleAsync();
        await PortalSite.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "History of Coffee card" }).ClickAsync();
        var stampEntry = page.Locator(".history-entry").First;
        await Assertions.Expect(stampEntry.Locator(".history-what")).ToHaveTextAsync("Stamps collected");
        await Assertions.Expect(stampEntry.Locator(".history-where")).ToContainTextAsync("Lumière Gare");
        await Assertions.Expect(stampEntry.Locator(".delta")).ToHaveTextAsync("+3 stamps");
        await PortalSite.AssertAccessibleAsync(page);

        // Export: the JSON download holds the profile, the card and its ledger.
        await page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync();
        await PortalSite.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download (JSON)" }).ClickAsync());
        var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        var exported = Assert.Single(export.GetProperty("cards").EnumerateArray());
        Assert.Equal((card, "Lena Weber", email, "+352 691 123 456", "1988-02-29"),
            (exported.GetProperty("cardNumber").GetString(), exported.GetProperty("name").GetString(), exported.GetProperty("email").GetString(),
             exported.GetProperty("phone").GetString(), exported.GetProperty("birthday").GetString()));
        Assert.Equal(["stamp", "enrollment"], exported.GetProperty("ledger").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Lumière Gare", exported.GetProperty("ledger")[0].GetProperty("storeName").GetString());

        // Erase: refused until confirmed, then the personal data is gone from the portal and the admin view.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account" }).ClickAsync();
        await PortalSite.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Confirm-error")).ToHaveTextAsync("Tick the box to confirm.");
        await page.GetByLabel("I understand that my account and my cards will be closed for good.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account is deleted");
        await PortalSite.AssertAccessibleAsync(page);

        await page.GotoAsync($"/m/{merchant.Slug}/portal/cards");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.BaseAddress, $"m/{merchant.Slug}/portal").ToString());
        await site.RequestLinkAsync(page, merchant.Slug, email, card);
        Assert.Null(await site.LatestSignInLinkAsync(card));
        using var admin = site.Http(PortalSite.AdminToken);
        var adminView = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{card}")).GetRawText();
        Assert.DoesNotContain(email, adminView, StringComparison.Ordinal);
        Assert.DoesNotContain("Lena", adminView, StringComparison.Ordinal);
        Assert.DoesNotContain("691", adminView, StringComparison.Ordinal);
        Assert.Equal(3L, await site.ScalarAsync<long>("SELECT sum(stamps_delta) FROM ledger_entries WHERE card_number = $1", card));
        Assert.Equal(3, await site.ScalarAsync<int>("SELECT stamps FROM cards WHERE card_number = $1", card));
    }

    [Fact]
    public async Task SignInLink_ExpiredOrUsed_IsRefusedWithALocalizedPageOfferingANewLink()
    {
        var (merchant, _, coffee, _) = await ShopAsync();
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await site.EnrollAsync(merchant.Id, coffee, "Lena Weber", email, "fr");
        var page = await site.NewPageAsync("fr");

        var expiring = await site.RequestLinkAsync(page, merchant.Slug, email, card);
        site.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var expired = await page.GotoAsync(expiring);

        Assert.Equal(410, expired!.Status);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ce lien de connexion ne fonctionne plus");
        await PortalSite.AssertAccessibleAsync(page);

        // A new link signs in once; opened again (another browser), it is refused too.
        await page.GetByRole(AriaRole.Link, new() { Name = "M'envoyer un nouveau lien" }).ClickAsync();
        var fresh = await site.RequestLinkAsync(page, merchant.Slug, email, card);
        await page.GotoAsync(fresh);
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes cartes");
        var other = await site.NewPageAsync("fr");
        var reused = await other.GotoAsync(fresh);
        Assert.Equal(410, reused!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ce lien de connexion ne fonctionne plus");
    }

    [Fact]
    public async Task CardsAndHistory_TwoLanguagesPhoneAndDesktop_AreScreenshotted()
    {
        var (merchant, storeId, coffee, points) = await ShopAsync();
        var email = "lena.weber@example.com"; // a new merchant: the address is free there
        var coffeeCard = await site.EnrollAsync(merchant.Id, coffee, "Lena Weber", email, "fr");
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var pointsCard = await site.EnrollAsync(merchant.Id, points, "Lena Weber", email, "fr");
        var (tablet, pinId) = await site.TerminalAsync(merchant, storeId);
        await site.TerminalPostAsync(tablet, $"cards/{coffeeCard}/stamps", new { count = 7, pinId, idempotencyKey = $"s-{coffeeCard}" });
        await site.TerminalPostAsync(tablet, $"cards/{pointsCard}/points", new { purchaseAmountMinor = 6450, currency = "EUR", pinId, idempotencyKey = $"p-{pointsCard}" });
        // As the storefront's screenshots: LOYALTY_SCREENSHOTS keeps them (the README's are in docs/screenshots).
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-portal-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;

        foreach (var (language, cards, history) in new[] { ("en", "My cards", "History of Coffee card"), ("fr", "Mes cartes", "Historique de Coffee card") })
        {
            foreach (var (device, width, height) in new[] { ("phone", 360, 780), ("desktop", 1280, 900) })
            {
                var page = await site.NewPageAsync(language, width, height);
                await page.GotoAsync(await site.RequestLinkAsync(page, merchant.Slug, email, pointsCard));
                await page.Locator("form button[type=submit]").ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(cards);
                await Assertions.Expect(page.Locator(".portal-card")).ToHaveCountAsync(2);
                await ShootAsync(page, width, Path.Combine(folder, $"portal-cards-{language}-{device}.png"));
                await page.GetByRole(AriaRole.Link, new() { Name = history }).ClickAsync();
                await Assertions.Expect(page.Locator(".history-entry")).ToHaveCountAsync(2);
                await ShootAsync(page, width, Path.Combine(folder, $"portal-history-{language}-{device}.png"));
                await page.Context.CloseAsync();
            }
        }

    }

    private static async Task ShootAsync(IPage page, int width, string path)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{page.Url} scrolls sideways at {width} px");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is nearly empty");
    }

    /// <summary>A merchant with the store "Lumière Gare", a coffee stamps card and a points program whose points expire.</summary>
    private async Task<(TestMerchant Merchant, Guid StoreId, Guid Coffee, Guid Points)> ShopAsync()
    {
        var merchant = await site.Catalog.CreateMerchantAsync();
        var storeId = await site.Catalog.CreateStoreAsync(merchant, "Lumière Gare", new Dictionary<string, string?> { ["en"] = "By the station." });
        var coffee = await site.Catalog.CreateStampsProgramAsync(merchant);
        var points = await site.Catalog.CreateProgramAsync(merchant, new ProgramDefinition
        {
            Id = "",
            MerchantId = "",
            Name = "Lumière points",
            Kind = ProgramKind.Points,
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new RewardDefinition("croissant", "Croissant", 300), new RewardDefinition("cake", "Birthday cake", 2000)],
            WelcomeBonusPoints = 50,
            PointExpiry = PointExpiryPolicy.AfterEarning(365),
        });
        return (merchant, storeId, coffee, points);
    }
}
