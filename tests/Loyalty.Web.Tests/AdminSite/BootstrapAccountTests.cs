using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Testing;
using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>The first platform admin: from configuration, or with a one-time password logged once at first start.</summary>
public sealed partial class BootstrapAccountTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task FirstStart_WithoutConfiguredPassword_CreatedOneBootstrapAdminThatMustChangeItsPassword()
    {
        Assert.Equal(1L, await Scalar<long>(
            "SELECT count(*) FROM admin_accounts WHERE is_bootstrap AND role = 'platform-admin' AND lower(email) = 'admin@localhost' AND must_change_password"));
    }

    [Fact]
    public async Task Initializer_NoPlatformAdmin_CreatesOneAccountAndLogsItsOneTimePasswordOnce()
    {
        await Execute("DELETE FROM admin_accounts");
        var logs = new RecordedLogs();
        var options = new AdminOptions { BootstrapEmail = "first.admin@example.com" };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Initializer(options, logs).StartAsync(CancellationToken.None)));

        var log = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, log.Level);
        var password = OneTimePassword().Match(log.Message).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM admin_accounts"));
        using var browser = AdminSiteClient.Browser(app);
        var signedIn = await AdminSiteClient.SubmitSignInAsync(browser, "first.admin@example.com", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/change-password?returnUrl=%2Fadmin", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Initializer_ConfiguredPassword_CreatesTheAccountWithItOnceAndNeverLogsIt()
    {
        await Execute("DELETE FROM admin_accounts");
        var logs = new RecordedLogs();
        var options = new AdminOptions { BootstrapEmail = "ops@example.com", BootstrapPassword = "configured passphrase 42" };

        await Initializer(options, logs).StartAsync(CancellationToken.None);
        await Initializer(options, logs).StartAsync(CancellationToken.None);

        var log = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.DoesNotContain("configured passphrase 42", log.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM admin_accounts WHERE email = 'ops@example.com' AND NOT must_change_password"));
        using var browser = AdminSiteClient.Browser(app);
        var signedIn = await AdminSiteClient.SubmitSignInAsync(browser, "ops@example.com", "configured passphrase 42");
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(null, "short", "Loyalty:Admin:BootstrapPassword must be 12 to 200 characters without control characters.")]
    [InlineData("not an address", null, "Loyalty:Admin:BootstrapEmail must be an e-mail address, such as admin@example.com.")]
    public void Options_InvalidBootstrapAccount_AreRefused(string? email, string? password, string failure)
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { BootstrapEmail = email, BootstrapPassword = password });

        Assert.Equal([failure], result.Failures);
    }

    private BootstrapAccountInitializer Initializer(AdminOptions options, RecordedLogs logs) => new(
        app.Services.GetRequiredService<AdminAccountStore>(),
        Options.Create(options),
        LoggerFactory.Create(logging => logging.AddProvider(logs)).CreateLogger<BootstrapAccountInitializer>());

    private Task<T?> Scalar<T>(string sql) => TestDatabase.ScalarAsync<T>(app.ConnectionString, sql);

    private async Task Execute(string sql) => await TestDatabase.ScalarAsync<object>(app.ConnectionString, sql);

    [GeneratedRegex("one-time password ([A-Za-z0-9]+)\\.")]
    private static partial Regex OneTimePassword();
}
