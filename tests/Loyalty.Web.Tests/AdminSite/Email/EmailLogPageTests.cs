using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Email.Log;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite.Email;

/// <summary>The admin e-mail log page: filters, an owner's scope, the not-sent reason, and resending through the page.</summary>
public sealed partial class EmailLogPageTests(AdminEmailApp fixture) : IClassFixture<AdminEmailApp>
{
    private const string Refusal = "gave up after 10 attempts: 127.0.0.1:2525 refused: 554 5.7.1 Message rejected by test policy";
    private const string NotSent = "not sent: no SMTP server configured; written to /data/mail/outbox-1.eml";

    [Fact]
    public async Task Log_PlatformAdmin_FiltersByStatusRecipientTemplateAndMerchant()
    {
        var shop = await fixture.Database.AddMerchantAsync("Filter Shop");
        var other = await fixture.Database.AddMerchantAsync("Other Shop");
        var emma = $"emma.{Guid.NewGuid():N}@example.com";
        var (_, gaveUp) = await fixture.AddLoggedMessageAsync(shop, emma, EmailLogStatus.GaveUp, Refusal, attempt: 10);
        var (_, sent) = await fixture.AddLoggedMessageAsync(shop, emma, EmailLogStatus.Sent, "127.0.0.1:2525 replied: 250 Ok", "welcome-bonus");
        var (_, othersGaveUp) = await fixture.AddLoggedMessageAsync(other, emma, EmailLogStatus.GaveUp, Refusal);
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);

        var byRecipient = await admin.GetPageAsync($"/admin/email?Recipient={Uri.EscapeDataString(emma.ToUpperInvariant())}");
        var byStatus = await admin.GetPageAsync($"/admin/email?Status=gave-up&Recipient={Uri.EscapeDataString(emma)}");
        var byTemplate = await admin.GetPageAsync($"/admin/email?Template=welcome-bonus&Recipient={Uri.EscapeDataString(emma)}");
        var byMerchant = await admin.GetPageAsync($"/admin/email?Merchant={shop:D}&Status=gave-up");

        Assert.Equal([othersGaveUp, sent, gaveUp], Rows(byRecipient));
        Assert.Equal([othersGaveUp, gaveUp], Rows(byStatus));
        Assert.Equal([sent], Rows(byTemplate));
        Assert.Equal([gaveUp], Rows(byMerchant));
        Assert.Contains($"<td class=\"email-reply\">{Refusal}</td>", byMerchant, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge danger\">Gave up</span>", byMerchant, StringComparison.Ordinal);
        Assert.Contains("<td>Filter Shop</td>", byMerchant, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{shop:D}\" selected=\"selected\">Filter Shop</option>", byMerchant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_NotSent_SaysNoSmtpServerIsConfigured()
    {
        var shop = await fixture.Database.AddMerchantAsync();
        var (_, entry) = await fixture.AddLoggedMessageAsync(shop, $"{Guid.NewGuid():N}@example.com", EmailLogStatus.NotSent, NotSent);
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);

        var html = await admin.GetPageAsync($"/admin/email?Merchant={shop:D}");

        Assert.Equal([entry], Rows(html));
        Assert.Contains("<span class=\"badge\">Not sent: no SMTP server configured</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"email-reply\">{NotSent}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Owner_SeesOnlyTheirMerchant_AndAnotherMerchantsLogOrMessageIsTheNotFoundPage()
    {
        var own = await fixture.Database.AddMerchantAsync("Own Shop");
        var other = await fixture.Database.AddMerchantAsync("Other Shop");
        var (_, ownEntry) = await fixture.AddLoggedMessageAsync(own, $"{Guid.NewGuid():N}@example.com", EmailLogStatus.GaveUp, Refusal);
        var (othersMessage, _) = await fixture.AddLoggedMessageAsync(other, $"{Guid.NewGuid():N}@example.com", EmailLogStatus.GaveUp, Refusal, attempt: 10);
        using var owner = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.MerchantOwner, own);

        var log = await owner.GetPageAsync("/admin/email");
        var ownByMerchant = await owner.GetPageAsync($"/admin/email?Merchant={own:D}");
        var othersLog = await owner.GetAsync($"/admin/email?Merchant={other:D}");
        var resendOthers = await owner.PostFormAsync("/admin/email", new Dictionary<string, string> { ["messageId"] = $"{othersMessage}" }, "/admin/email?handler=Resend");

        Assert.Equal([ownEntry], Rows(log));
        Assert.Equal([ownEntry], Rows(ownByMerchant));
        Assert.DoesNotContain("id=\"Merchant\"", log, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, othersLog.StatusCode);
        Assert.Contains("Page not found", await othersLog.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, resendOthers.StatusCode);
        Assert.Equal((10, true), (await AttemptsAsync(othersMessage), await ProcessedAsync(othersMessage)));
    }

    [Fact]
    public async Task Resend_AGivenUpMessage_IsDeliveredWithASuccessMessage()
    {
        var shop = await fixture.Database.AddMerchantAsync("Resend Shop");
        var email = $"{Guid.NewGuid():N}@example.com";
        var (messageId, _) = await fixture.AddLoggedMessageAsync(shop, email, EmailLogStatus.GaveUp, Refusal, attempt: 10);
        using var owner = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.MerchantOwner, shop);

        var resend = await owner.PostFormAsync(
            "/admin/email?Status=gave-up",
            new Dictionary<string, string> { ["messageId"] = $"{messageId}", ["Status"] = "gave-up" },
            "/admin/email?handler=Resend");
        var after = await owner.GetPageAsync(resend.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal("/admin/email?Status=gave-up", resend.Headers.Location.OriginalString);
        Assert.Contains($"<p class=\"flash\">Message {messageId} will be sent again in a moment; its attempts appear in the log.</p>", after, StringComparison.Ordinal);
        await Loyalty.Testing.Eventually.TrueAsync(() => fixture.Smtp.Messages.Any(m => m.To.Mailboxes.Single().Address == email), "the resent e-mail arrived");
        await Loyalty.Testing.Eventually.TrueAsync(
            async () => (await fixture.Database.LogAsync(messageId)).Any(e => e is { Attempt: 1, Status: EmailLogStatus.Sent }), "the resend's attempt was logged");
        var sent = await owner.GetPageAsync("/admin/email?Status=sent");
        Assert.Matches($"{Regex.Escape(email)}\\s*<span class=\"hint\">Your Resend Shop loyalty card</span>", sent);
    }

    [Fact]
    public async Task Log_UnknownStatusOrTemplate_AreFieldErrors()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);

        var response = await admin.GetAsync("/admin/email?Status=lost&Template=newsletter");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<span id=\"Status-error\" class=\"field-error\">Choose a status from the list.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Template-error\" class=\"field-error\">Choose a template from the list.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_InFrench_ShowsTheFrenchTexts()
    {
        var shop = await fixture.Database.AddMerchantAsync();
        await fixture.AddLoggedMessageAsync(shop, $"{Guid.NewGuid():N}@example.com", EmailLogStatus.NotSent, NotSent);
        var account = await AdminSiteClient.CreateAccountAsync(fixture.App, AdminPrincipal.MerchantOwner, shop);
        using var browser = AdminSiteClient.Browser(fixture.App, "fr");
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSiteClient.SubmitSignInAsync(browser, account.Email, AdminSiteClient.Password)).StatusCode);

        var html = await (await browser.GetAsync("/admin/email")).Content.ReadAsStringAsync();

        Assert.Contains("<h1>Journal des e-mails</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Non envoyé : aucun serveur SMTP configuré", html, StringComparison.Ordinal);
    }

    private static List<long> Rows(string html) => [.. LogRow().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<int> AttemptsAsync(long messageId) => (int)(await fixture.Database.ScalarAsync("SELECT attempts FROM outbox WHERE id = $1", messageId))!;

    private Task<bool> ProcessedAsync(long messageId) => fixture.Database.IsProcessedAsync(messageId);

    [GeneratedRegex("<tr id=\"log-(\\d+)\"")]
    private static partial Regex LogRow();
}
