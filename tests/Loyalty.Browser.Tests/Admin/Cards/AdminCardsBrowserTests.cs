using Loyalty.Browser.Tests.Hosting;
using Loyalty.Browser.Tests.Portal;
using Loyalty.Web.Admin;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Cards;

/// <summary>
/// The admin card pages in Chromium, signed in as the merchant's owner: find a card by e-mail and adjust it with a reason,
/// void a transaction after confirming, axe on the search and card pages, and the README's screenshots.
/// </summary>
public sealed class AdminCardsBrowserTests(PortalSite site) : IClassFixture<PortalSite>
{
    [Fact]
    public async Task FindByEmail_AdjustWithReason_TheLedgerShowsIt()
    {
        var (merchant, _, coffee) = await ShopAsync();
        var email = $"elodie.{Guid.NewGuid():N}@example.com";
        var card = await site.EnrollAsync(merchant.Id, coffee, "Élodie Schmit", email, "fr");
        var (page, _) = await AdminBrowser.SignedInPageAsync(site, AdminPrincipal.MerchantOwner, merchant.Id);

        await page.GotoAsync("/admin/cards");
        await PortalSite.AssertAccessibleAsync(page);
        await page.Locator("#q").FillAsync(email.ToUpperInvariant());
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync());
        await Assertions.Expect(page.Locator("table.table tbody tr")).ToHaveCountAsync(1);
        await PortalSite.AssertAccessibleAsync(page);
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = string.Join(' ', card.Chunk(4).Select(c => new string(c))) }).ClickAsync());

        await Assertions.Expect(page.GetByText("Élodie Schmit")).ToBeVisibleAsync();
        await page.GetByLabel("Stamps to add (negative to remove)").FillAsync("2");
        await page.GetByLabel("Reason (the customer sees it)").FillAsync("Birthday gift");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Adjust", Exact = true }).ClickAsync());

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("The balance was adjusted: +2 stamps, 0 points.");
        var newest = page.Locator("table.card-ledger tbody tr").First;
        await Assertions.Expect(newest.Locator(".ledger-reason")).ToHaveTextAsync("Adjustment: Birthday gift");
        await Assertions.Expect(newest.Locator("td.number").First).ToHaveTextAsync("+2 stamps");
        await PortalSite.AssertAccessibleAsync(page);
        Assert.Equal(2, await site.ScalarAsync<int>("SELECT stamps FROM cards WHERE card_number = $1", card));
    }

    [Fact]
    public async Task Void_AfterConfirming_ReversesTheStamps()
    {
        var (merchant, storeId, coffee) = await ShopAsync();
        var card = await site.EnrollAsync(merchant.Id, coffee, "Jonas Weber", $"{Guid.NewGuid():N}@example.com", "en");
        var (tablet, pinId) = await site.TerminalAsync(merchant, storeId);
        await site.TerminalPostAsync(tablet, $"cards/{card}/stamps", new { count = 3, pinId, idempotencyKey = $"s-{card}" });
        var (page, _) = await AdminBrowser.SignedInPageAsync(site, AdminPrincipal.MerchantOwner, merchant.Id);
        await page.GotoAsync($"/admin/cards/{card}");

        var stampRow = page.Locator("table.card-ledger tbody tr").First;
        var confirm = stampRow.GetByRole(AriaRole.Button, new() { Name = "Yes, void this transaction" });
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        await stampRow.Locator("summary").ClickAsync();
        await stampRow.GetByLabel("Reason for the void").FillAsync("Stamped the wrong card");
        await PortalSite.AssertAccessibleAsync(page);
        await JoinForm.NavigateAsync(page, () => confirm.ClickAsync());

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("The transaction was voided.");
        var rows = page.Locator("table.card-ledger tbody tr");
        await Assertions.Expect(rows.First.Locator(".ledger-reason")).ToContainTextAsync("Stamped the wrong card");
        await Assertions.Expect(rows.Nth(1).Locator(".badge")).ToHaveTextAsync("Voided");
        Assert.Equal(0, await site.ScalarAsync<int>("SELECT stamps FROM cards WHERE card_number = $1", card));
    }

    [Fact]
    public async Task SearchAndCardPages_AreScreenshotted()
    {
        var (merchant, storeId, coffee) = await ShopAsync();
        var (tablet, pinId) = await site.TerminalAsync(merchant, storeId);
        string? first = null;
        foreach (var (name, stamps) in new[] { ("Emma Schmit", 4), ("Emma Muller", 9), ("Emmanuel Hoffmann", 2) })
        {
            var card = await site.EnrollAsync(merchant.Id, coffee, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com", "en");
            await site.TerminalPostAsync(tablet, $"cards/{card}/stamps", new { count = stamps, pinId, idempotencyKey = $"s-{card}" });
            first ??= card;
        }

        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-admin-cards-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;
        var (page, _) = await AdminBrowser.SignedInPageAsync(site, AdminPrincipal.MerchantOwner, merchant.Id);

        await page.GotoAsync("/admin/cards?q=emma");
        await Assertions.Expect(page.Locator("table.table tbody tr")).ToHaveCountAsync(3);
        await ShootAsync(page, Path.Combine(folder, "admin-cards-search.png"));
        await page.GotoAsync($"/admin/cards/{first}");
        await Assertions.Expect(page.Locator("table.card-ledger tbody tr")).ToHaveCountAsync(2);
        await ShootAsync(page, Path.Combine(folder, "admin-card-detail.png"));
    }

    private static async Task ShootAsync(IPage page, string path)
    {
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is nearly empty");
    }

    /// <summary>A merchant with the store "Lumière Gare" and a coffee stamps card (10 stamps for a free coffee).</summary>
    private async Task<(TestMerchant Merchant, Guid StoreId, Guid Coffee)> ShopAsync()
    {
        var merchant = await site.Catalog.CreateMerchantAsync();
        var storeId = await site.Catalog.CreateStoreAsync(merchant, "Lumière Gare", new Dictionary<string, string?> { ["en"] = "By the station." });
        var coffee = await site.Catalog.CreateStampsProgramAsync(merchant);
        return (merchant, storeId, coffee);
    }
}
