using System.Net;
using Loyalty.Email.Settings;
using Loyalty.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AdminSite.Email;

/// <summary>The SMTP settings page: the override (password write-only), its removal, and the test e-mail through real SMTP servers.</summary>
public sealed class EmailSettingsPageTests(AdminEmailApp fixture) : IClassFixture<AdminEmailApp>
{
    private const string Page = "/admin/email/settings";
    private const string Password = "s3cret-smtp-password-for-the-page";

    [Fact]
    public async Task TestEmail_WithAnOverride_ArrivesThroughTheOverride_AndThePageNamesItsHostAndPort()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        var save = await SaveAsync(admin, "127.0.0.1", $"{fixture.Other.Port}", "None", "", "", "Override <override@loyalty.example>");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var to = $"{Guid.NewGuid():N}@example.com";

        var test = await admin.PostFormAsync(Page, new Dictionary<string, string> { ["To"] = to }, $"{Page}?handler=Test");
        var report = Report(await admin.GetPageAsync(Page));

        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        var received = Assert.Single(fixture.Other.Messages, m => m.To.Mailboxes.Single().Address == to);
        Assert.Equal("override@loyalty.example", received.From.Mailboxes.Single().Address);
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.To.Mailboxes.Single().Address == to);
        Assert.Contains("<span class=\"badge ok\">Sent</span>", report, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"source\">override</dd>", report, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"host\">127.0.0.1</dd>", report, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"port\">{fixture.Other.Port}</dd>", report, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"security\">None (plain SMTP)</dd>", report, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"from\">Override &lt;override@loyalty.example&gt;</dd>", report, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"answer\" class=\"email-reply\">127.0.0.1:{fixture.Other.Port} replied: ", report, StringComparison.Ordinal);

        var remove = await admin.PostFormAsync(Page, new Dictionary<string, string>(), $"{Page}?handler=Remove");
        var removed = await admin.GetPageAsync(Page);
        var again = $"{Guid.NewGuid():N}@example.com";
        await admin.PostFormAsync(Page, new Dictionary<string, string> { ["To"] = again }, $"{Page}?handler=Test");
        var configured = Report(await admin.GetPageAsync(Page));

        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Contains("<p class=\"flash\">SMTP override removed: the configuration&#x27;s settings apply again.</p>", removed, StringComparison.Ordinal);
        Assert.Null(await fixture.App.Services.GetRequiredService<EmailSettingsStore>().GetOverrideAsync(CancellationToken.None));
        Assert.Single(fixture.Smtp.Messages, m => m.To.Mailboxes.Single().Address == again);
        Assert.Contains("<dd data-field=\"source\">configuration</dd>", configured, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"port\">{fixture.Smtp.Port}</dd>", configured, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_IsStoredProtected_KeptWhenLeftBlank_AndNeverInAnyPagesHtml()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        var store = fixture.App.Services.GetRequiredService<EmailSettingsStore>();

        var save = await SaveAsync(admin, "smtp.example.com", "587", "StartTls", "mailer", Password, "shop@example.com");
        var refused = await SaveAsync(admin, "smtp example", "587", "StartTls", "mailer", Password, "shop@example.com");
        var keep = await SaveAsync(admin, "smtp.example.com", "2525", "StartTls", "mailer", "", "shop@example.com");
        var kept = (await store.GetOverrideAsync(CancellationToken.None))!.Settings;

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.Redirect), (save.StatusCode, refused.StatusCode, keep.StatusCode));
        Assert.DoesNotContain(Password, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("smtp.example.com", 2525, SmtpSecurity.StartTls, "mailer", Password), (kept.Host, kept.Port, kept.Security, kept.Username, kept.Password));
        Assert.DoesNotContain(Password, (string)(await fixture.Database.ScalarAsync("SELECT protected_password FROM email_settings"))!, StringComparison.Ordinal);
        Assert.Equal($"account:{admin.Account.Id:D}", await fixture.Database.ScalarAsync("SELECT updated_by FROM email_settings"));
        var settings = await admin.GetPageAsync(Page);
        Assert.Contains("<dd data-field=\"password\">set (never shown)</dd>", settings, StringComparison.Ordinal);
        foreach (var path in new[] { Page, "/admin/email", "/admin/email/templates", "/admin/email/templates/enrollment/en" })
        {
            Assert.DoesNotContain(Password, await admin.GetPageAsync(path), StringComparison.Ordinal);
        }

        var remove = await admin.PostFormAsync(Page, new Dictionary<string, string>
        {
            ["Form.Host"] = "smtp.example.com", ["Form.Port"] = "2525", ["Form.Security"] = "StartTls", ["Form.Username"] = "mailer",
            ["Form.Password"] = "", ["Form.RemovePassword"] = "true", ["Form.From"] = "shop@example.com",
        });
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Null((await store.GetOverrideAsync(CancellationToken.None))!.Settings.Password);
        await store.DeleteOverrideAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Save_BadInput_AnswersFieldErrorsAndStoresNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        var before = await fixture.Database.ScalarAsync("SELECT count(*) FROM email_settings");

        var response = await SaveAsync(admin, "smtp example", "abc", "Tls", "", "", "nobody");
        var html = await response.Content.ReadAsStringAsync();
        var test = await admin.PostFormAsync(Page, new Dictionary<string, string> { ["To"] = "nobody" }, $"{Page}?handler=Test");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<span id=\"Form_Host-error\" class=\"field-error\">Enter a host name or address, without spaces.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Form_Port-error\" class=\"field-error\">Must be a number from 1 to 65535.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Form_Security-error\" class=\"field-error\">Choose None, STARTTLS or TLS on connect.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Form_From-error\" class=\"field-error\">Enter an e-mail address, e.g. shop@example.com.</span>", html, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Database.ScalarAsync("SELECT count(*) FROM email_settings"));
        Assert.Equal(HttpStatusCode.BadRequest, test.StatusCode);
        Assert.Contains("<span id=\"To-error\" class=\"field-error\">Enter an e-mail address, e.g. shop@example.com.</span>", await test.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync("SELECT count(*) FROM email_log WHERE template = 'test' AND recipient = 'nobody'"));
    }

    private static Task<HttpResponseMessage> SaveAsync(AdminSiteClient admin, string host, string port, string security, string username, string password, string from) =>
        admin.PostFormAsync(Page, new Dictionary<string, string>
        {
            ["Form.Host"] = host, ["Form.Port"] = port, ["Form.Security"] = security, ["Form.Username"] = username, ["Form.Password"] = password, ["Form.From"] = from,
        });

    /// <summary>The test e-mail's report on the settings page.</summary>
    private static string Report(string html)
    {
        var start = html.IndexOf("<section class=\"email-test-report\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows the test e-mail's report");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
