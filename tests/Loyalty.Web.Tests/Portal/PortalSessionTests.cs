using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Portal;

/// <summary>The customer session: scoped to its merchant, and what the signed-in pages let a customer see and do.</summary>
public sealed class PortalSessionTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task Cards_WithoutSession_RedirectToTheMerchantsSignInPage()
    {
        var (_, slug, _) = await app.CreateMerchantAsync();
        using var browser = app.Browser();

        var response = await browser.GetAsync($"/m/{slug}/portal/cards");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/m/{slug}/portal", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_OfOneMerchant_GivesNothingAtAnother()
    {
        var (a, slugA, programA) = await app.CreateMerchantAsync();
        var (b, slugB, programB) = await app.CreateMerchantAsync();
        var email = $"{Guid.NewGuid():N}@example.com";
        var cardA = await app.EnrollAsync(a.MerchantId, programA, email);
        var cardB = await app.EnrollAsync(b.MerchantId, programB, email);
        using var browser = await app.SignInAsync(slugA, cardA, email);

        var atA = await browser.GetAsync($"/m/{slugA}/portal/cards");
        string[] atB = [$"/m/{slugB}/portal/cards", $"/m/{slugB}/portal/cards/{cardB}/history", $"/m/{slugB}/portal/export?handler=download", $"/m/{slugB}/portal/erase"];
        var answersAtB = await Task.WhenAll(atB.Select(path => browser.GetAsync(path)));
        var historyOfB = await browser.GetAsync($"/m/{slugA}/portal/cards/{cardB}/history");

        Assert.Equal(HttpStatusCode.OK, atA.StatusCode);
        Assert.Contains(PortalCardNumber(cardA), await atA.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(answersAtB, answer => Assert.Equal((HttpStatusCode.Redirect, $"/m/{slugB}/portal"), (answer.StatusCode, answer.Headers.Location?.OriginalString)));
        Assert.Equal(HttpStatusCode.NotFound, historyOfB.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var browser = await app.SignInAsync(slug, card, email);

        var signedOut = await PortalApp.PostFormAsync(browser, $"/m/{slug}/portal/cards", NoFields, $"/m/{slug}/portal/sign-out");
        var after = await browser.GetAsync($"/m/{slug}/portal/cards");

        Assert.Equal((HttpStatusCode.Redirect, $"/m/{slug}/portal?signedOut=true"), (signedOut.StatusCode, signedOut.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Export_Download_HoldsTheProfileTheCardsAndTheirLedgers()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var browser = await app.SignInAsync(slug, card, email);

        var response = await browser.GetAsync($"/m/{slug}/portal/export?handler=download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"loyalty-{slug}-my-data.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var export = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, export.GetProperty("email").GetString());
        Assert.Equal(slug, export.GetProperty("merchant").GetProperty("slug").GetString());
        var exported = Assert.Single(export.GetProperty("cards").EnumerateArray());
        Assert.Equal(
            (card, "Coffee club", "Lena Weber", email, "+352 691 123 456", "1988-02-29", "de", "active"),
            (exported.GetProperty("cardNumber").GetString(), exported.GetProperty("program").GetString(), exported.GetProperty("name").GetString(),
             exported.GetProperty("email").GetString(), exported.GetProperty("phone").GetString(), exported.GetProperty("birthday").GetString(),
             exported.GetProperty("locale").GetString(), exported.GetProperty("status").GetString()));
        var entry = Assert.Single(exported.GetProperty("ledger").EnumerateArray());
        Assert.Equal(("enrollment", "Enrolled in Coffee club"), (entry.GetProperty("kind").GetString(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Erase_WithoutConfirmation_Answers400AndChangesNothing()
    {
        var (_, slug, _, email, card) = await app.CreateCustomerAsync();
        using var browser = await app.SignInAsync(slug, card, email);

        var response = await PortalApp.PostFormAsync(browser, $"/m/{slug}/portal/erase", NoFields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tick the box to confirm.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE card_number = $1 AND customer_email = $2 AND status = 'active'", card, email));
    }

    [Fact]
    public async Task Erase_Confirmed_ErasesEveryCardOfTheCustomerAtTheMerchantOnlyAndEndsTheSession()
    {
        var (store, slug, programId) = await app.CreateMerchantAsync();
        var (other, _, otherProgram) = await app.CreateMerchantAsync();
        var tea = (await app.CreateProgramAsync(store.MerchantId, new { name = "Tea club", kind = "stamps", stampsRequired = 5, stampRewardName = "Tea" })).GetProperty("id").GetGuid();
        var email = $"{Guid.NewGuid():N}@example.com";
        var coffeeCard = await app.EnrollAsync(store.MerchantId, programId, email);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var teaCard = await app.EnrollAsync(store.MerchantId, tea, email);
        var elsewhere = await app.EnrollAsync(other.MerchantId, otherProgram, email);
        using var browser = await app.SignInAsync(slug, teaCard, email);

        var response = await PortalApp.PostFormAsync(browser, $"/m/{slug}/portal/erase", new Dictionary<string, string> { ["Confirm"] = "true" });
        var after = await browser.GetAsync($"/m/{slug}/portal/cards");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your account is deleted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(2L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM cards WHERE card_number IN ($1, $2) AND customer_email IS NULL AND customer_name IS NULL AND customer_phone IS NULL AND status = 'inactive'", coffeeCard, teaCard));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE card_number = $1 AND customer_email = $2", elsewhere, email));
        using var admin = app.Admin();
        var adminView = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{coffeeCard}");
        Assert.DoesNotContain(email, adminView.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lena", adminView.GetRawText(), StringComparison.Ordinal);
    }

    private static string PortalCardNumber(string number) => string.Join(' ', number.Chunk(4).Select(group => new string(group)));
}
