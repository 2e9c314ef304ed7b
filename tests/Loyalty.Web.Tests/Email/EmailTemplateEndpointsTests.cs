using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailTemplateEndpointsTests(EmailWebApp fixture) : IClassFixture<EmailWebApp>
{
    private const string Path = $"{Base}/email/templates/welcome-bonus/fr";

    [Fact]
    public async Task ListTemplates_HasEveryTemplateInEveryLanguage()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);

        var list = await admin.GetFromJsonAsync<JsonElement>($"{Base}/email/templates");

        var names = list.EnumerateArray().Select(t => $"{t.GetProperty("template").GetString()}/{t.GetProperty("locale").GetString()}").ToList();
        Assert.Equal(28, names.Count);
        Assert.Contains("portal-sign-in/lb", names);
        Assert.Contains("admin-password-reset/fr", names);
        Assert.Contains("enrollment/de", names);
    }

    [Fact]
    public async Task UpdateTemplate_ThenPreviewRestore_ChangesWhatApplies()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);
        var original = await admin.GetFromJsonAsync<JsonElement>(Path);
        Assert.False(original.GetProperty("customized").GetBoolean());
        Assert.Equal("{{points}} points de bienvenue offerts par {{merchantName}}", original.GetProperty("subject").GetString());
        Assert.Equal(["customerName", "merchantName", "cardNumber", "cardLink", "points"], original.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));

        var put = await admin.PutAsJsonAsync(Path, new { subject = "Cadeau : {{points}} points", html = "<p>Merci {{customerName}} !</p>", text = "Merci {{customerName}} !" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await admin.GetFromJsonAsync<JsonElement>(Path);
        Assert.True(updated.GetProperty("customized").GetBoolean());
        Assert.Equal("Cadeau : {{points}} points", updated.GetProperty("subject").GetString());
        Assert.Equal((await BootstrapTokenIdAsync(fixture.App)).ToString(), updated.GetProperty("updatedBy").GetString());

        var preview = await (await admin.PostAsJsonAsync(Path + "/preview", new { subject = "{{points}} pour {{customerName}}", html = "<b>{{customerName}}</b>", text = "{{cardLink}}" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1.250 pour Emma Schmit", preview.GetProperty("subject").GetString());
        Assert.Equal("<b>Emma Schmit</b>", preview.GetProperty("html").GetString());

        var restored = await (await admin.DeleteAsync(Path)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(restored.GetProperty("customized").GetBoolean());
        Assert.Equal(original.GetProperty("html").GetString(), restored.GetProperty("html").GetString());
        Assert.Equal(0L, await ScalarAsync(fixture.App, "SELECT count(*) FROM email_templates"));
    }

    [Fact]
    public async Task UpdateTemplate_UnknownVariableOrMissingPart_IsRefused_AndChangesNothing()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);

        var response = await admin.PutAsJsonAsync($"{Base}/email/templates/reward-ready/en", new { subject = "Hi", html = "<p>{{points}}</p>", text = (string?)null });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["html", "text"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Unknown variables: {{points}}.", problem.GetProperty("errors").GetProperty("html")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(fixture.App, "SELECT count(*) FROM email_templates WHERE template = 'reward-ready'"));
        await AssertProblemAsync(await admin.GetAsync($"{Base}/email/templates/reward-ready/it"), HttpStatusCode.NotFound, "email-template-not-found");
        await AssertProblemAsync(await admin.GetAsync($"{Base}/email/templates/newsletter/en"), HttpStatusCode.NotFound, "email-template-not-found");
    }

    [Fact]
    public async Task Preview_CustomerNamedScript_IsEscapedInHtml()
    {
        using var admin = fixture.App.CreateClient(WebApp.BootstrapToken);

        var preview = await (await admin.PostAsJsonAsync($"{Base}/email/templates/enrollment/en/preview",
                new { subject = "Card", html = "<p>Hi <script>x</script> {{merchantName}}</p><img src=\"{{qrCode}}\">", text = "Hi" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        // The admin's own markup stays; values are escaped; the QR code is a data: image in a preview.
        Assert.StartsWith("<p>Hi <script>x</script> Fashion Hub</p><img src=\"data:image/png;base64,", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
    }
}
