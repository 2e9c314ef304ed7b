using System.Net;
using Loyalty.Grains.Customers;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>Without configuration Apple Wallet does not show: no button on the card page, and every address is 404.</summary>
public sealed class AppleWalletOffTests(AppleWalletOffApp app) : IClassFixture<AppleWalletOffApp>
{
    [Fact]
    public async Task CardPage_NotConfigured_HasNoButtonAndTheDownloadIsNotFound()
    {
        var card = await app.CreateCardAsync();
        var slug = await app.QueryScalarAsync<string>("SELECT slug FROM merchants WHERE merchant_id = $1", card.Store.MerchantId);
        var cardPage = app.App.Services.GetRequiredService<CustomerLinks>().CardPath(slug!, card.CardNumber);

        var html = await app.App.Client.GetStringAsync(cardPage);
        using var download = await app.App.Client.GetAsync($"{cardPage}/wallet/apple");

        Assert.DoesNotContain("wallet-button-apple", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/wallet/apple", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST", "/devices/d1/registrations/pass.lu.loyalty.test/4000001234567899", """{"pushToken":"a1"}""")]
    [InlineData("DELETE", "/devices/d1/registrations/pass.lu.loyalty.test/4000001234567899", null)]
    [InlineData("GET", "/devices/d1/registrations/pass.lu.loyalty.test", null)]
    [InlineData("GET", "/passes/pass.lu.loyalty.test/4000001234567899", null)]
    [InlineData("POST", "/log", """{"logs":["hello"]}""")]
    public async Task WebService_NotConfigured_IsNotFound(string method, string path, string? body)
    {
        using var client = app.App.CreateClient(bearerToken: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/wallet/apple/v1" + path);
        request.Headers.TryAddWithoutValidation("Authorization", "ApplePass 0123456789abcdef0123");
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
