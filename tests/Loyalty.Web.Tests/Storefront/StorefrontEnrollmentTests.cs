using System.Net;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.Storefront;

/// <summary>The enrolment form over HTTP, without a browser: what a submission creates, and what it must not.</summary>
public sealed class StorefrontEnrollmentTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Post_ValidForm_EnrolsThroughTheGrainAndRedirectsToTheCardPage()
    {
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient();

        var response = await client.PostJoinFormAsync( slug, programId, Form("Ana Lima", "ana.lima@example.com", marketing: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await CardOfAsync(slug, response.Headers.Location!);
        Assert.Equal(programId, card.ProgramId);
        Assert.Equal(new CustomerProfile("Ana Lima", "ana.lima@example.com", "+352 621 000 000", new DateOnly(1990, 5, 17), "fr", MarketingOptIn: true), card.Customer);
        Assert.Equal(1, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Post_SameEmailInAnotherCase_RedirectsToTheSameCardAndChangesNothing()
    {
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient();
        var first = await client.PostJoinFormAsync( slug, programId, Form("Ana Lima", "ana@example.com", marketing: false));

        var second = await client.PostJoinFormAsync( slug, programId, Form("Someone Else", "ANA@Example.COM", marketing: true));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var original = await CardOfAsync(slug, first.Headers.Location!);
        var again = await CardOfAsync(slug, second.Headers.Location!);
        Assert.Equal(original, again);
        Assert.Equal("Ana Lima", again.Customer.Name);
        Assert.False(again.Customer.MarketingOptIn);
        Assert.Equal(1, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Post_InvalidFields_AnswersTheFormWithFieldErrorsAndCreatesNothing()
    {
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient("fr");
        var form = Form("", "nope", marketing: false);
        form.Remove("Form.AcceptTerms");

        var response = await client.PostJoinFormAsync( slug, programId, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Indiquez votre nom.", html, StringComparison.Ordinal);
        Assert.Contains("Indiquez une adresse e-mail comme nom@exemple.com.", html, StringComparison.Ordinal);
        Assert.Contains("Acceptez les conditions du programme pour vous inscrire.", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndCreatesNothing()
    {
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient();

        var response = await client.PostAsync($"/m/{slug}/join/{programId}", new FormUrlEncodedContent(Form("Ana", "ana@example.com", marketing: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Post_HoneypotFilledIn_IsRefusedAndCreatesNothing()
    {
        var (slug, programId) = await app.CreateShopAsync();
        using var client = app.CreatePageClient();
        var form = Form("Ana", "ana@example.com", marketing: false);
        form["Form.Website"] = "https://spam.example.com";

        var response = await client.PostJoinFormAsync( slug, programId, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Get_ProgramOfAnotherMerchant_Answers404()
    {
        var (slug, _) = await app.CreateShopAsync();
        var (_, otherProgram) = await app.CreateShopAsync();
        using var client = app.CreatePageClient();

        var response = await client.GetAsync($"/m/{slug}/join/{otherProgram}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_LeavesTheStorefrontOut()
    {
        using var client = app.CreatePageClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/terminal/v1/enrollments", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/m/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/error/", document, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string name, string email, bool marketing)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Email"] = email,
            ["Form.Phone"] = "+352 621 000 000",
            ["Form.Birthday"] = "1990-05-17",
            ["Form.Language"] = "fr",
            ["Form.AcceptTerms"] = "true",
            ["Form.Website"] = "",
        };
        if (marketing)
            form["Form.Marketing"] = "true";
        return form;
    }

    private async Task<CardView> CardOfAsync(string slug, Uri location)
    {
        var match = Regex.Match(location.OriginalString, $"^/m/{slug}/card/([A-Za-z0-9_-]+)$");
        Assert.True(match.Success, location.OriginalString);
        var number = app.Services.GetRequiredService<CustomerLinks>().ReadCardToken(match.Groups[1].Value);
        Assert.NotNull(number);
        var card = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICardGrain>(number).GetAsync();
        Assert.NotNull(card);
        return card;
    }
}
