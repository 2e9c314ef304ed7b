using Deque.AxeCore.Playwright;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.Email.Templates;
using Loyalty.Testing;
using Loyalty.Testing.Smtp;
using Loyalty.Web.Admin;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Email;

/// <summary>
/// The admin e-mail pages in Chromium: a refused e-mail found in the log and resent, a template edited, previewed and
/// restored, no serious or critical axe violation, and the README's screenshots.
/// </summary>
[Collection(EmailSiteCollection.Name)]
public sealed class EmailAdminBrowserTests(EmailSiteApp app)
{
    [Fact]
    public async Task RefusedEmail_FoundInTheLog_IsResentAndDelivered()
    {
        var (merchant, programId) = await app.CreateShopAsync("Café Resend");
        var email = $"{Guid.NewGuid():N}@example.com";
        app.Smtp.Behaviour = SmtpBehaviour.Refuse;
        try
        {
            await app.EnrolAsync(merchant, programId, "Léa Muller", email);
            var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
            await Eventually.TrueAsync(async () =>
            {
                await page.GotoAsync($"/admin/email?Status=gave-up&Recipient={Uri.EscapeDataString(email)}");
                return await page.Locator("table.email-log tbody tr").CountAsync() == 1;
            }, "the refused enrolment e-mail is in the log as given up");
            app.Smtp.Behaviour = SmtpBehaviour.Accept;

            var row = page.Locator("table.email-log tbody tr");
            Assert.Equal($"gave up after 1 attempts: 127.0.0.1:{app.Smtp.Port} refused: 554 {TestSmtpServer.RefusalText}", (await row.Locator(".email-reply").InnerTextAsync()).Trim());
            await row.Locator("summary", new() { HasText = "Resend…" }).ClickAsync();
            await JoinForm.NavigateAsync(page, () => row.GetByRole(AriaRole.Button, new() { Name = "Yes, send this e-mail again" }).ClickAsync());

            Assert.Matches("^Message \\d+ will be sent again in a moment; its attempts appear in the log\\.$", (await page.Locator(".flash").InnerTextAsync()).Trim());
            Assert.Equal($"/admin/email?Status=gave-up&Recipient={email}", Uri.UnescapeDataString(new Uri(page.Url).PathAndQuery));
            await Eventually.TrueAsync(() => app.Smtp.Messages.Any(m => m.To.Mailboxes.Single().Address == email), "the resent e-mail arrived");
            await Eventually.TrueAsync(async () =>
            {
                await page.GotoAsync($"/admin/email?Status=sent&Recipient={Uri.EscapeDataString(email)}");
                return await page.Locator("table.email-log tbody tr").CountAsync() == 1;
            }, "the resend's attempt is in the log as sent");
            Assert.Equal("Sent", (await page.Locator("table.email-log tbody tr .badge.ok").InnerTextAsync()).Trim());
        }
        finally
        {
            app.Smtp.Behaviour = SmtpBehaviour.Accept;
        }
    }

    [Fact]
    public async Task Template_EditedPreviewedSaved_ThenRestoredToTheDefault()
    {
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);
        await page.GotoAsync("/admin/email/templates");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Edit Reward ready in French" }).ClickAsync());

        await page.Locator("#Subject").FillAsync("Votre récompense chez {{merchantName}}");
        await page.Locator("#Html").FillAsync("<script>parent.document.title = 'hacked'</script><p id=\"hello\">Bonjour {{customerName}}, {{rewardsAvailable}} récompense</p>");
        await page.Locator("#Text").FillAsync("Bonjour {{customerName}}");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());

        Assert.Equal("Votre récompense chez Fashion Hub", (await page.Locator("#preview-subject").InnerTextAsync()).Trim());
        Assert.Equal("Bonjour Emma Schmit, 1 récompense", await page.FrameLocator("iframe.email-preview-frame").Locator("#hello").InnerTextAsync());
        Assert.Equal("Bonjour Emma Schmit", await page.Locator("#preview-text").InnerTextAsync());
        Assert.DoesNotContain("hacked", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("", await page.Locator("iframe.email-preview-frame").GetAttributeAsync("sandbox"));

        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync());
        Assert.Equal("Template Reward ready in French saved. The next e-mail uses it.", (await page.Locator(".flash").InnerTextAsync()).Trim());
        Assert.Equal("Votre récompense chez {{merchantName}}", await page.Locator("#Subject").InputValueAsync());

        await page.Locator("summary", new() { HasText = "Restore default…" }).ClickAsync();
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Yes, restore the default" }).ClickAsync());
        Assert.Equal("Template Reward ready in French restored to the default.", (await page.Locator(".flash").InnerTextAsync()).Trim());
        Assert.Equal(DefaultTemplates.Get("reward-ready", "fr").Subject, await page.Locator("#Subject").InputValueAsync());
        Assert.Equal(DefaultTemplates.Get("reward-ready", "fr").Html, await page.Locator("#Html").InputValueAsync());
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EmailPages_HaveNoSeriousOrCriticalViolations(string scheme)
    {
        var (merchant, programId) = await app.CreateShopAsync("Café Axe");
        await app.EnrolAsync(merchant, programId, "Ada Hoffmann", $"{Guid.NewGuid():N}@example.com", "fr");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin, language: "fr");
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var problems = new List<string>();

        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync($"/admin/email?Merchant={merchant.Id:D}");
            return await page.Locator("table.email-log tbody tr").CountAsync() == 1;
        }, "the enrolment e-mail is in the log");
        problems.AddRange(await ViolationsAsync(page, "log"));
        await page.GotoAsync("/admin/email?Status=lost");
        problems.AddRange(await ViolationsAsync(page, "log with a field error"));
        await page.GotoAsync("/admin/email/templates");
        problems.AddRange(await ViolationsAsync(page, "templates"));
        await page.GotoAsync("/admin/email/templates/enrollment/fr");
        await JoinForm.NavigateAsync(page, () => page.Locator("button[formaction$='handler=Preview']").ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "editor with preview"));
        await page.Locator("#Subject").FillAsync("");
        await JoinForm.NavigateAsync(page, () => page.Locator("button[formaction$='handler=Preview']").ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "editor with a field error"));
        await page.GotoAsync("/admin/email/settings");
        await page.Locator("#To").FillAsync("axe@example.com");
        await JoinForm.NavigateAsync(page, () => page.Locator("form[action$='handler=Test'] button[type=submit]").ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "settings with a test report"));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task LogAndTemplateEditor_ArePhotographed()
    {
        var (merchant, programId) = await app.CreateShopAsync("Fashion Hub");
        app.Smtp.Behaviour = SmtpBehaviour.Refuse;
        try
        {
            await app.EnrolAsync(merchant, programId, "Camille Hoffmann", $"camille.{Guid.NewGuid():N}@example.com", "fr");
            await Eventually.TrueAsync(async () => await LogCountAsync(merchant.Id) == 1, "the refused e-mail is logged");
        }
        finally
        {
            app.Smtp.Behaviour = SmtpBehaviour.Accept;
        }

        await app.EnrolAsync(merchant, programId, "Léa Muller", $"lea.{Guid.NewGuid():N}@example.com", "de");
        await Eventually.TrueAsync(async () => await LogCountAsync(merchant.Id) == 2, "the sent e-mail is logged");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
        using var temporary = TemporaryDirectory.Create("loyalty-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;

        await page.GotoAsync("/admin/email");
        await ShootAsync(page, Path.Combine(folder, "admin-email-log.png"));
        var (admin, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);
        await admin.GotoAsync("/admin/email/templates/enrollment/en");
        await JoinForm.NavigateAsync(admin, () => admin.Locator("button[formaction$='handler=Preview']").ClickAsync());
        await ShootAsync(admin, Path.Combine(folder, "admin-email-template.png"));
    }

    private async Task<long> LogCountAsync(Guid merchantId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM email_log WHERE merchant_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = merchantId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ShootAsync(IPage page, string path)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280, $"{page.Url} scrolls sideways");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        // The preview's iframe holds the e-mail, not the page, and is sandboxed without scripts: axe cannot run inside it
        // and would wait for an answer from it, so it checks the page only.
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{name}: {violation.Id} ({violation.Impact}): {violation.Help}: {string.Join(" | ", violation.Nodes.Select(node => node.Html))}");
    }
}
