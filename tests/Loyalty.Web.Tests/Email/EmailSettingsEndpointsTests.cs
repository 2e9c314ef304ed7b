using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailSettingsEndpointsTests(EmailWebApp fixture) : IClassFixture<EmailWebApp>
{
    private const string Password = "s3cret-smtp-password";
    private WebApp App => fixture.App;

    [Fact]
    public async Task TestEmail_WithAnOverride_IsSentWithTheOverrideAndNamesIt_ThenWithTheConfigurationOnceRemoved()
    {
        using var admin = App.CreateClient(WebApp.BootstrapToken);
        var put = await admin.PutAsJsonAsync($"{Base}/email/settings", new
        {
            host = "127.0.0.1", port = fixture.Other.Port, security = "None", username = (string?)null, password = (string?)null,
            from = "Override <override@loyalty.example>",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var test = await admin.PostAsJsonAsync($"{Base}/email/settings/test", new { to = "override-test@example.com" });

        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var answer = await test.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("delivered").GetBoolean());
        Assert.Equal("override", answer.GetProperty("source").GetString());
        var used = answer.GetProperty("settings");
        Assert.Equal(("127.0.0.1", fixture.Other.Port, "None", "Override <override@loyalty.example>"),
            (used.GetProperty("host").GetString(), used.GetProperty("port").GetInt32(), used.GetProperty("security").GetString(), used.GetProperty("from").GetString()));
        var received = Assert.Single(fixture.Other.Messages, m => m.To.Mailboxes.Single().Address == "override-test@example.com");
        Assert.Equal("override@loyalty.example", received.From.Mailboxes.Single().Address);
        Assert.Contains($"127.0.0.1:{fixture.Other.Port} (None) from Override", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Configured.Messages, m => m.To.Mailboxes.Single().Address == "override-test@example.com");

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Base}/email/settings")).StatusCode);
        var again = await (await admin.PostAsJsonAsync($"{Base}/email/settings/test", new { to = "configured-test@example.com" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("configuration", again.GetProperty("source").GetString());
        Assert.Equal(fixture.Configured.Port, again.GetProperty("settings").GetProperty("port").GetInt32());
        Assert.Single(fixture.Configured.Messages, m => m.To.Mailboxes.Single().Address == "configured-test@example.com");
        var log = await admin.GetFromJsonAsync<JsonElement>($"{Base}/email/log?template=test&recipient=override-test@example.com");
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("sent", entry.GetProperty("status").GetString());
        Assert.StartsWith($"127.0.0.1:{fixture.Other.Port} replied: ", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutSettings_StoresThePasswordProtected_AndNeverAnswersIt()
    {
        using var admin = App.CreateClient(WebApp.BootstrapToken);
        var put = await admin.PutAsJsonAsync($"{Base}/email/settings", new
        {
            host = "smtp.example.com", port = 587, security = "StartTls", username = "mailer", password = Password, from = "shop@example.com",
        });
        var body = await put.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);

        var stored = (string)(await ScalarAsync(App, "SELECT protected_password FROM email_settings"))!;
        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);

        // A change of port without a password keeps the stored one.
        await admin.PutAsJsonAsync($"{Base}/email/settings", new
        {
            host = "smtp.example.com", port = 2525, security = "StartTls", username = "mailer", password = (string?)null, from = "shop@example.com",
        });
        var settings = await admin.GetFromJsonAsync<JsonElement>($"{Base}/email/settings");
        Assert.Equal("override", settings.GetProperty("source").GetString());
        Assert.Equal(2525, settings.GetProperty("effective").GetProperty("port").GetInt32());
        Assert.True(settings.GetProperty("effective").GetProperty("passwordSet").GetBoolean());
        Assert.Equal(fixture.Configured.Port, settings.GetProperty("configuration").GetProperty("port").GetInt32());
        var store = App.Services.GetRequiredService<Loyalty.Email.Settings.EmailSettingsStore>();
        Assert.Equal(Password, (await store.GetOverrideAsync(CancellationToken.None))!.Settings.Password);

        await admin.DeleteAsync($"{Base}/email/settings");
    }

    [Fact]
    public async Task PutSettings_Invalid_IsRefusedFieldByField_AndChangesNothing()
    {
        using var admin = App.CreateClient(WebApp.BootstrapToken);

        var response = await admin.PutAsJsonAsync($"{Base}/email/settings", new
        {
            host = "smtp example", port = 0, security = "Tls", username = (string?)null, password = (string?)null, from = "not an address",
        });

        await AssertValidationAsync(response, "host", "port", "security", "from");
        Assert.Equal(0L, await ScalarAsync(App, "SELECT count(*) FROM email_settings"));
        await AssertValidationAsync(await admin.PostAsJsonAsync($"{Base}/email/settings/test", new { to = "nobody" }), "to");
    }

    [Fact]
    public async Task EmailSettings_MerchantOwner_IsForbidden()
    {
        using var admin = App.CreateClient(WebApp.BootstrapToken);
        var (token, _) = await CreateOwnerTokenAsync(App, await CreateMerchantAsync(admin));
        using var owner = App.CreateClient(token);

        await AssertProblemAsync(await owner.GetAsync($"{Base}/email/settings"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.PostAsJsonAsync($"{Base}/email/settings/test", new { to = "x@example.com" }), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"{Base}/email/templates"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"{Base}/email/log"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheEmailEndpoints()
    {
        using var client = App.CreateClient(bearerToken: null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        string[] expected =
        [
            "GET /api/admin/v1/email/log", "GET /api/admin/v1/merchants/{merchantId}/email/log",
            "POST /api/admin/v1/merchants/{merchantId}/email/messages/{messageId}/resend", "GET /api/admin/v1/email/templates",
            "GET /api/admin/v1/email/templates/{template}/{locale}", "PUT /api/admin/v1/email/templates/{template}/{locale}",
            "DELETE /api/admin/v1/email/templates/{template}/{locale}", "POST /api/admin/v1/email/templates/{template}/{locale}/preview",
            "GET /api/admin/v1/email/settings", "PUT /api/admin/v1/email/settings", "DELETE /api/admin/v1/email/settings",
            "POST /api/admin/v1/email/settings/test",
        ];
        Assert.Empty(expected.Except(operations));
    }
}
