using System.Net;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Portal;

/// <summary>Sign-in by e-mail link: the outbox row, the same answer for strangers, single use, expiry, limits.</summary>
public sealed class PortalSignInTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task RequestLink_KnownEmail_WritesTheOutboxRowOnTheNewestCardAndStoresOnlyTheTokensHash()
    {
        var (store, slug, programId) = await app.CreateMerchantAsync();
        var second = (await app.CreateProgramAsync(store.MerchantId, new { name = "Tea club", kind = "stamps", stampsRequired = 5, stampRewardName = "Tea" })).GetProperty("id").GetGuid();
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.EnrollAsync(store.MerchantId, programId, email);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newest = await app.EnrollAsync(store.MerchantId, second, email);
        var now = app.Clock.GetUtcNow();
        using var browser = app.Browser();

        var response = await PortalApp.RequestLinkAsync(browser, slug, email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'portal-sign-in' AND merchant_id = $1", store.MerchantId));
        var payload = (await app.LatestSignInPayloadAsync(newest))!.Value;
        Assert.Equal(["email", "expiresAt", "link", "locale"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(email, payload.GetProperty("email").GetString());
        Assert.Equal("en", payload.GetProperty("locale").GetString());
        Assert.Equal(now.AddMinutes(15), payload.GetProperty("expiresAt").GetDateTimeOffset());
        var link = new Uri(payload.GetProperty("link").GetString()!);
        Assert.Equal("http://127.0.0.1:5080/", link.GetLeftPart(UriPartial.Authority) + "/");
        var prefix = $"/m/{slug}/portal/sign-in/";
        Assert.StartsWith(prefix, link.AbsolutePath, StringComparison.Ordinal);
        var token = link.AbsolutePath[prefix.Length..];
        Assert.Equal(32, Base64UrlDecode(token).Length);
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM customer_sign_in_tokens WHERE token_hash = $1 AND card_number = $2 AND expires_at = $3 AND consumed_at IS NULL",
            SHA256.HashData(Encoding.UTF8.GetBytes(token)), newest, now.AddMinutes(15)));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM customer_sign_in_tokens WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'", token));
    }

    [Fact]
    public async Task RequestLink_UnknownEmail_AnswersTheSamePageAndWritesNothing()
    {
        var (store, slug, programId) = await app.CreateMerchantAsync();
        var known = $"{Guid.NewGuid():N}@example.com";
        var unknown = $"{Guid.NewGuid():N}@example.com";
        await app.EnrollAsync(store.MerchantId, programId, known);
        using var browser = app.Browser();

        var forKnown = await PortalApp.RequestLinkAsync(browser, slug, known);
        var forUnknown = await PortalApp.RequestLinkAsync(browser, slug, unknown);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (forKnown.StatusCode, forUnknown.StatusCode));
        Assert.Equal(
            (await forKnown.Content.ReadAsStringAsync()).Replace(known, "ADDRESS", StringComparison.Ordinal),
            (await forUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'portal-sign-in' AND merchant_id = $1", store.MerchantId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("a@b@c")]
    public async Task RequestLink_InvalidEmail_Answers400WithTheFieldErrorAndWritesNothing(string email)
    {
        var (store, slug, _) = await app.CreateMerchantAsync();
        using var browser = app.Browser();

        var response = await PortalApp.RequestLinkAsync(browser, slug, email);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid e-mail address, such as name@example.com.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'portal-sign-in' AND merchant_id = $1", store.MerchantId));
    }

    [Fact]
    public async Task RequestLink_WithoutAntiforgeryToken_IsRefusedAndWritesNothing()
    {
        var (store, slug, _, email, _) = await app.CreateCustomerAsync();
        using var browser = app.Browser();

        var response = await browser.PostAsync($"/m/{slug}/portal", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'portal-sign-in' AND merchant_id = $1", store.MerchantId));
    }

    [Fact]
    public async Task RequestLink_OverThePerEmailLimit_Answers429AndSendsNoMoreLinks()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var browser = app.Browser();
        for (var i = 0; i < PortalApp.EmailLimitPerHour; i++)
            Assert.Equal(HttpStatusCode.OK, (await PortalApp.RequestLinkAsync(browser, slug, email)).StatusCode);

        var over = await PortalApp.RequestLinkAsync(browser, slug, email);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal((long)PortalApp.EmailLimitPerHour, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'portal-sign-in' AND card_number = $1", card));
    }

    [Fact]
    public async Task SignInLink_UsedTwiceAtOnce_SignsInExactlyOnceAndThenIsRefused()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var requester = app.Browser();
        await PortalApp.RequestLinkAsync(requester, slug, email);
        var link = await app.LatestLinkPathAsync(card);
        var browsers = Enumerable.Range(0, 4).Select(_ => app.Browser()).ToList();

        var tokens = await Task.WhenAll(browsers.Select(browser => PortalApp.FormTokenAsync(browser, link)));

        var answers = await Task.WhenAll(browsers.Select((browser, i) => PortalApp.PostWithTokenAsync(browser, link, new Dictionary<string, string>(), tokens[i])));
        var reopened = await browsers[0].GetAsync(link);

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(3, answers.Count(answer => answer.StatusCode == HttpStatusCode.Gone));
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("This sign-in link no longer works", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/m/{slug}/portal\"", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInLink_FifteenMinutesOld_IsRefusedAndJustBeforeItSignsIn()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var browser = app.Browser();
        await PortalApp.RequestLinkAsync(browser, slug, email);
        var late = await app.LatestLinkPathAsync(card);
        await PortalApp.RequestLinkAsync(browser, slug, email);
        var inTime = await app.LatestLinkPathAsync(card);

        app.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var signedIn = await PortalApp.PostFormAsync(app.Browser(), inTime, new Dictionary<string, string>());
        var opened = await app.Browser().GetAsync(late);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await app.Browser().GetAsync(late);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM customer_sign_in_tokens WHERE card_number = $1 AND consumed_at IS NULL AND expires_at > $2", card, app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task SignInLink_OfAnotherMerchant_IsRefused()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        var (_, otherSlug, _) = await app.CreateMerchantAsync();
        using var browser = app.Browser();
        await PortalApp.RequestLinkAsync(browser, slug, email);
        var token = (await app.LatestLinkPathAsync(card)).Split('/')[^1];

        var elsewhere = await browser.GetAsync($"/m/{otherSlug}/portal/sign-in/{token}");

        Assert.Equal(HttpStatusCode.Gone, elsewhere.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM customer_sign_in_tokens WHERE card_number = $1 AND consumed_at IS NULL", card));
    }

    private static byte[] Base64UrlDecode(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - value.Length % 4) % 4));
}
