using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>
/// The frontend on a manual clock for customer portal tests: merchants with a program, cards enrolled through the
/// grains, and browser-like clients (cookies, no automatic redirects) that post the portal's forms with their
/// antiforgery tokens.
/// </summary>
public sealed partial class PortalApp : TerminalApp
{
    public const int EmailLimitPerHour = 3;

    public PortalApp()
        : base(new Dictionary<string, string?>
        {
            ["Loyalty:Terminal:PairRequestsPerMinute"] = "10000",
            ["Loyalty:Terminal:PinVerificationsPerMinute"] = "10000",
            ["Loyalty:Terminal:EnrollmentsPerMinute"] = "10000",
            ["Loyalty:Portal:SignInRequestsPerMinute"] = "10000",
            ["Loyalty:Portal:SignInRequestsPerEmailPerHour"] = EmailLimitPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
    {
    }

    private IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A new merchant (its slug) with a stamps program (its id).</summary>
    public async Task<(TestStore Store, string Slug, Guid ProgramId)> CreateMerchantAsync()
    {
        var store = await CreateStoreAsync();
        var program = await CreateProgramAsync(store.MerchantId, new { name = "Coffee club", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });
        var slug = await QueryScalarAsync<string>("SELECT slug FROM merchants WHERE merchant_id = $1", store.MerchantId);
        return (store, slug!, program.GetProperty("id").GetGuid());
    }

    /// <summary>A new merchant with a stamps program, and a customer with a new e-mail enrolled in it.</summary>
    public async Task<TestCustomer> CreateCustomerAsync()
    {
        var (store, slug, programId) = await CreateMerchantAsync();
        var email = $"{Guid.NewGuid():N}@example.com";
        return new TestCustomer(store, slug, programId, email, await EnrollAsync(store.MerchantId, programId, email));
    }

    /// <summary>The path of the newest sign-in link sent for the card (read from its outbox row).</summary>
    public async Task<string> LatestLinkPathAsync(string cardNumber) =>
        new Uri((await LatestSignInPayloadAsync(cardNumber))!.Value.GetProperty("link").GetString()!).AbsolutePath;

    public async Task<string> EnrollAsync(Guid merchantId, Guid programId, string email)
    {
        var outcome = await Grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email)).EnrollAsync(new EnrollmentRequest(
            programId,
            new CustomerProfile("Lena Weber", email, "+352 691 123 456", new DateOnly(1988, 2, 29), "de"),
            new OperationOrigin(merchantId, null, null, null, "Europe/Luxembourg", $"enrol-{Guid.NewGuid():N}", null, "test")));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!.CardNumber;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser whose redirects the test reads.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = App.Client.BaseAddress };

    /// <summary>Opens <paramref name="page"/> and posts its form with <paramref name="fields"/> and the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, IReadOnlyDictionary<string, string> fields, string? action = null) =>
        await PostWithTokenAsync(browser, action ?? page, fields, await FormTokenAsync(browser, page));

    /// <summary>Posts a form with a token read before (<see cref="FormTokenAsync"/>).</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient browser, string action, IReadOnlyDictionary<string, string> fields, string token) =>
        browser.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (the browser keeps its cookie).</summary>
    public static async Task<string> FormTokenAsync(HttpClient browser, string page)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"{page} has no form with an antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> RequestLinkAsync(HttpClient browser, string slug, string email) =>
        PostFormAsync(browser, $"/m/{slug}/portal", new Dictionary<string, string> { ["Email"] = email });

    /// <summary>The payload of the newest <c>portal-sign-in</c> outbox row of the card, or null when there is none.</summary>
    public async Task<JsonElement?> LatestSignInPayloadAsync(string cardNumber)
    {
        var json = await QueryScalarAsync<string>(
            "SELECT payload::text FROM outbox WHERE card_number = $1 AND topic = 'portal-sign-in' ORDER BY id DESC LIMIT 1", cardNumber);
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    /// <summary>Signs in at the merchant by e-mail link, as a customer does: request, read the link from the outbox, open it, press the button.</summary>
    public async Task<HttpClient> SignInAsync(string slug, string cardNumber, string email)
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.OK, (await RequestLinkAsync(browser, slug, email)).StatusCode);
        var signedIn = await PostFormAsync(browser, await LatestLinkPathAsync(cardNumber), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/m/{slug}/portal/cards", signedIn.Headers.Location?.OriginalString);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
