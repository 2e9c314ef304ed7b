using System.Net;
using Loyalty.Email.Templates;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite.Email;

/// <summary>The template list and editor: save and restore exactly, field errors that change nothing, a preview that runs no script.</summary>
public sealed class EmailTemplatePagesTests(AdminEmailApp fixture) : IClassFixture<AdminEmailApp>
{
    [Fact]
    public async Task Save_ThenRestore_StoresExactlyTheFormAndThenTheDefaultAppliesAgain()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        const string Editor = "/admin/email/templates/reward-ready/de";

        var save = await admin.PostFormAsync(Editor, new Dictionary<string, string>
        {
            ["Subject"] = "Prämie wartet, {{customerName}}!",
            ["Html"] = "<p>Hallo {{customerName}}</p>\r\n<p>{{rewardsAvailable}} bei {{merchantName}}</p>",
            ["Text"] = "Hallo {{customerName}}\r\n{{cardLink}}",
        });
        var saved = await admin.GetPageAsync(Editor);
        var list = await admin.GetPageAsync("/admin/email/templates");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(Editor, save.Headers.Location?.OriginalString);
        Assert.Equal(
            ("Prämie wartet, {{customerName}}!", "<p>Hallo {{customerName}}</p>\n<p>{{rewardsAvailable}} bei {{merchantName}}</p>", "Hallo {{customerName}}\n{{cardLink}}",
                AuditActors.ForAccount(admin.Account.Id)),
            await RowAsync("reward-ready", "de"));
        Assert.Contains("<p class=\"flash\">Template Reward ready in German saved. The next e-mail uses it.</p>", saved, StringComparison.Ordinal);
        Assert.Contains("value=\"Prämie wartet, {{customerName}}!\"", saved, StringComparison.Ordinal);
        Assert.Matches(
            "<a href=\"/admin/email/templates/reward-ready/de\">Prämie wartet, \\{\\{customerName\\}\\}!<span class=\"visually-hidden\"> \\(Edit Reward ready in German\\)</span></a>\\s*<span class=\"badge warning\">edited</span>",
            list);

        var restore = await admin.PostFormAsync(Editor, new Dictionary<string, string>(), $"{Editor}?handler=Restore");
        var restored = await admin.GetPageAsync(Editor);

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Null(await RowAsync("reward-ready", "de"));
        Assert.Contains("<p class=\"flash\">Template Reward ready in German restored to the default.</p>", restored, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DefaultTemplates.Get("reward-ready", "de").Subject}\"", restored, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">default</span>", restored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_BadInput_AnswersFieldErrorsAndChangesNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        const string Editor = "/admin/email/templates/welcome-bonus/fr";
        var first = await admin.PostFormAsync(Editor, new Dictionary<string, string>
        {
            ["Subject"] = "Bonus {{points}}", ["Html"] = "<p>{{points}}</p>", ["Text"] = "{{points}}",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var before = await RowAsync("welcome-bonus", "fr");

        var response = await admin.PostFormAsync(Editor, new Dictionary<string, string>
        {
            ["Subject"] = "Bonus {{rewardsAvailable}}",
            ["Html"] = "<p>\u0001</p>",
            ["Text"] = new string('x', 65_537),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(
            "<span id=\"Subject-error\" class=\"field-error\">Unknown variables: {{rewardsAvailable}}. This template knows {{customerName}}, {{merchantName}}, {{cardNumber}}, {{cardLink}}, {{points}}.</span>",
            html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Html-error\" class=\"field-error\">Must not contain control characters.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Text-error\" class=\"field-error\">At most 65536 characters.</span>", html, StringComparison.Ordinal);
        Assert.Equal(before, await RowAsync("welcome-bonus", "fr"));
        await admin.PostFormAsync(Editor, new Dictionary<string, string>(), $"{Editor}?handler=Restore");
    }

    [Fact]
    public async Task Preview_FillsSampleValuesInASandboxedFrameAndSavesNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);
        const string Editor = "/admin/email/templates/points-expired/fr";

        var response = await admin.PostFormAsync(Editor, new Dictionary<string, string>
        {
            ["Subject"] = "Vos points chez {{merchantName}}",
            ["Html"] = "<script>parent.document.title='hacked'</script><p>Bonjour {{customerName}}</p>",
            ["Text"] = "Bonjour {{customerName}} de {{merchantName}}",
        }, $"{Editor}?handler=Preview");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd id=\"preview-subject\">Vos points chez Fashion Hub</dd>", html, StringComparison.Ordinal);
        Assert.Contains(
            "sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"Preview of the HTML part\" " +
            "srcdoc=\"&lt;script&gt;parent.document.title=&#x27;hacked&#x27;&lt;/script&gt;&lt;p&gt;Bonjour Emma Schmit&lt;/p&gt;\"",
            html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"email-preview-text\" id=\"preview-text\">Bonjour Emma Schmit de Fashion Hub</pre>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Null(await RowAsync("points-expired", "fr"));
    }

    [Fact]
    public async Task List_ShowsEveryTemplateOfTheCatalogInFourLanguages()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);

        var html = await admin.GetPageAsync("/admin/email/templates");

        foreach (var template in EmailTemplateNames.All)
        {
            foreach (var locale in Loyalty.GrainInterfaces.Programs.Locales.Supported)
            {
                Assert.Contains($"<a href=\"/admin/email/templates/{template}/{locale}\"", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Editor_UnknownTemplateOrLanguage_IsTheNotFoundPage()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(fixture.App, AdminPrincipal.PlatformAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/email/templates/newsletter/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/email/templates/enrollment/it")).StatusCode);
    }

    private async Task<(string, string, string, string)?> RowAsync(string template, string locale)
    {
        var subject = await fixture.Database.ScalarAsync("SELECT subject FROM email_templates WHERE template = $1 AND locale = $2", template, locale);
        if (subject is null)
        {
            return null;
        }

        return ((string)subject,
            (string)(await fixture.Database.ScalarAsync("SELECT html FROM email_templates WHERE template = $1 AND locale = $2", template, locale))!,
            (string)(await fixture.Database.ScalarAsync("SELECT text FROM email_templates WHERE template = $1 AND locale = $2", template, locale))!,
            (string)(await fixture.Database.ScalarAsync("SELECT updated_by FROM email_templates WHERE template = $1 AND locale = $2", template, locale))!);
    }
}
