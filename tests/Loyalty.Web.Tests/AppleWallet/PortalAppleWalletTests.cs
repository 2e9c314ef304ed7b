using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Grains.Customers;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>The portal's cards page offers each card's pass, in the customer's language.</summary>
public sealed partial class PortalAppleWalletTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task CardsPage_Configured_LinksEachCardToItsPass()
    {
        var customer = await app.CreateCustomerAsync();
        using var browser = await app.SignInAsync(customer.Slug, customer.CardNumber, customer.Email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var html = await browser.GetStringAsync($"/m/{customer.Slug}/portal/cards?lang=fr");
        var link = WalletLink().Match(html);

        Assert.True(link.Success, html);
        Assert.Contains("Ajouter à Apple Wallet", html, StringComparison.Ordinal);
        Assert.Equal(customer.CardNumber, app.App.Services.GetRequiredService<CustomerLinks>().ReadCardToken(link.Groups["token"].Value));
        using var download = await app.App.Client.GetAsync(WebUtility.HtmlDecode(link.Groups["path"].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(customer.CardNumber, PassPackage.Open(await download.Content.ReadAsByteArrayAsync()).Pass.GetProperty("serialNumber").GetString());
    }

    [GeneratedRegex("href=\"(?<path>/m/[^/\"]+/card/(?<token>[^/\"]+)/wallet/apple)\"")]
    private static partial Regex WalletLink();
}
