using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Testing;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailLogEndpointsTests(EmailWebApp fixture) : IClassFixture<EmailWebApp>
{
    [Fact]
    public async Task Enrolment_IsSentByTheCoHostedDispatcher_AndShownInTheMerchantsLog_AndResent()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var email = $"{Guid.NewGuid():N}@example.com";
        await EnrolAsync(admin, merchantId, "<script>alert(1)</script>", email, "de");

        await Eventually.TrueAsync(() => fixture.Configured.Messages.Any(m => m.To.Mailboxes.Single().Address == email), "the enrolment e-mail arrived");
        var (token, _) = await CreateOwnerTokenAsync(fixture.App, merchantId);
        using var owner = fixture.App.CreateClient(token);
        var log = await owner.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/email/log?status=sent&template=enrollment&recipient={email}");

        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(("de", 1, "Ihre Kundenkarte von Test merchant"),
            (entry.GetProperty("locale").GetString(), entry.GetProperty("attempt").GetInt32(), entry.GetProperty("subject").GetString()));
        var message = fixture.Configured.Messages.Single(m => m.To.Mailboxes.Single().Address == email);
        Assert.Contains("Hallo &lt;script&gt;alert(1)&lt;/script&gt;,", message.HtmlBody, StringComparison.Ordinal);

        var messageId = entry.GetProperty("messageId").GetInt64();
        var resend = await owner.PostAsync($"{Base}/merchants/{merchantId}/email/messages/{messageId}/resend", null);
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        await Eventually.TrueAsync(() => fixture.Configured.Messages.Count(m => m.To.Mailboxes.Single().Address == email) == 2, "the resent e-mail arrived");

        await AssertProblemAsync(await owner.PostAsync($"{Base}/merchants/{merchantId}/email/messages/{messageId + 100_000}/resend", null),
            HttpStatusCode.NotFound, "email-message-not-found");
        var otherMerchant = await CreateMerchantAsync(admin);
        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{otherMerchant}/email/log"), HttpStatusCode.Forbidden, "forbidden");
        var others = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{otherMerchant}/email/log");
        Assert.Equal(0, others.GetProperty("total").GetInt64());
        await AssertProblemAsync(await admin.PostAsync($"{Base}/merchants/{otherMerchant}/email/messages/{messageId}/resend", null),
            HttpStatusCode.NotFound, "email-message-not-found");
    }

    [Fact]
    public async Task EraseCustomer_AfterTheEnrolmentEmail_LogKeepsTheAttemptWithoutTheAddressOrSubject()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var email = $"{Guid.NewGuid():N}@example.com";
        var cardNumber = await EnrolAsync(admin, merchantId, "Léa Muller", email, "fr");
        await Eventually.TrueAsync(() => fixture.Configured.Messages.Any(m => m.To.Mailboxes.Single().Address == email), "the enrolment e-mail arrived");
        var logged = $"{Base}/merchants/{merchantId}/email/log?template=enrollment";
        await Eventually.TrueAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>(logged)).GetProperty("total").GetInt64() == 1, "the attempt was logged");

        var grains = fixture.App.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<ICardGrain>(cardNumber).EraseCustomerAsync(new CustomerErasure(merchantId, "customer"));

        var entry = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(logged)).GetProperty("items").EnumerateArray());
        Assert.Equal(("erased", JsonValueKind.Null, "sent"),
            (entry.GetProperty("recipient").GetString(), entry.GetProperty("subject").ValueKind, entry.GetProperty("status").GetString()));
        var byAddress = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/email/log?recipient={email}");
        Assert.Equal(0, byAddress.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task GetLog_InvalidFilters_AreFieldErrors()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);

        await AssertValidationAsync(await admin.GetAsync($"{Base}/merchants/{merchantId}/email/log?status=lost&template=newsletter&page=0"), "status", "template", "page");
    }

    private async Task<string> EnrolAsync(HttpClient admin, Guid merchantId, string name, string email, string locale)
    {
        var program = await admin.PostAsJsonAsync($"{Base}/merchants/{merchantId}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });
        var programId = (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var grains = fixture.App.Services.GetRequiredService<IGrainFactory>();
        var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email)).EnrollAsync(new EnrollmentRequest(
            programId,
            new CustomerProfile(name, email, null, null, locale),
            new OperationOrigin(merchantId, null, null, null, "Europe/Luxembourg", $"enrol-{email}", null)));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!.CardNumber;
    }
}
