using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Grains.Customers;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.Storefront;

/// <summary>The site with Google Wallet configured (the issuer and a key file; nothing is sent to Google to render a page).</summary>
public sealed class GoogleWalletWebApp : IAsyncLifetime
{
    public WebApp App { get; } = new(timeProvider: null, settings: new Dictionary<string, string?>
    {
        ["Loyalty:Wallet:Google:IssuerId"] = "3388000000022000001",
        ["Loyalty:Wallet:Google:ServiceAccountKeyFile"] = "/etc/loyalty/google-wallet-key.json",
        // Nothing listens on the discard port: the logo check fails at once instead of waiting for a network.
        ["Loyalty:Wallet:Google:LogoUrl"] = "http://127.0.0.1:9/logo.png",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>The "Add to Google Wallet" button on the card page: there, localized, when configured; absent otherwise.</summary>
public sealed class GoogleWalletButtonTests(GoogleWalletWebApp configured, WebApp plain) : IClassFixture<GoogleWalletWebApp>, IClassFixture<WebApp>
{
    [Fact]
    public async Task CardPage_GoogleWalletConfigured_ShowsTheButtonInTheVisitorsLanguage()
    {
        var app = configured.App;
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient("fr");
        var joined = await client.PostJoinFormAsync(slug, programId, Form());
        var cardPath = joined.Headers.Location!.OriginalString;

        var html = await client.GetStringAsync(cardPath);

        // The button's link names the same card (its own protected token: Data Protection never makes the same one twice).
        var button = Regex.Match(html, $"<a class=\"google-wallet-button\" href=\"/m/{slug}/card/(?<token>[^\"/]+)/google-wallet\" lang=\"fr\">");
        Assert.True(button.Success, html);
        var links = app.Services.GetRequiredService<CustomerLinks>();
        Assert.Equal(links.ReadCardToken(cardPath.Split('/')[^1]), links.ReadCardToken(button.Groups["token"].Value));
        Assert.Contains("<span>Ajouter à Google Wallet</span>", html, StringComparison.Ordinal);
        Assert.Contains("/css/google-wallet.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardPage_GoogleWalletNotConfigured_HasNoButtonAndNoSaveLink()
    {
        var (slug, programId) = await plain.CreateShopAsync();
        using var client = plain.CreatePageClient();
        var joined = await client.PostJoinFormAsync(slug, programId, Form());
        var cardPath = joined.Headers.Location!.OriginalString;

        var html = await client.GetStringAsync(cardPath);
        var save = await client.GetAsync($"{cardPath}/google-wallet");

        Assert.DoesNotContain("google-wallet", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
    }

    [Fact]
    public async Task SaveLink_AlteredToken_Is404()
    {
        var (slug, _) = await configured.App.CreateShopAsync();
        using var client = configured.App.CreatePageClient();

        var response = await client.GetAsync($"/m/{slug}/card/not-a-token/google-wallet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string> Form() => new()
    {
        ["Form.Name"] = "Ana Lima",
        ["Form.Email"] = $"ana-{Guid.NewGuid():N}@example.com",
        ["Form.Phone"] = "",
        ["Form.Birthday"] = "",
        ["Form.Language"] = "fr",
        ["Form.AcceptTerms"] = "true",
        ["Form.Website"] = "",
    };
}
