using System.Net;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>/admin/accounts: who sees and changes which accounts, creation by role, disable and enable, reset links, the audit.</summary>
public sealed class AccountsPageTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    private const string OneTime = "first one-time passphrase";

    [Fact]
    public async Task Create_ByPlatformAdmin_MakesAnOwnerWhoMustChangeTheOneTimePasswordAndAuditsIt()
    {
        var store = await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var email = $"owner.{Guid.NewGuid():N}@example.com";

        var created = await platform.PostFormAsync("/admin/accounts/new", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Olivia Owner", ["Role"] = AdminPrincipal.MerchantOwner,
            ["MerchantId"] = store.MerchantId.ToString(), ["StoreId"] = "", ["Password"] = OneTime,
        });
        var list = await platform.GetPageAsync(created.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/accounts", created.Headers.Location.OriginalString);
        Assert.Contains($"<p class=\"flash\">The account {email} is created.</p>", list, StringComparison.Ordinal);
        var id = await app.QueryScalarAsync<Guid>(
            "SELECT account_id FROM admin_accounts WHERE email = $1 AND role = 'merchant-owner' AND merchant_id = $2 AND store_id IS NULL AND must_change_password", email, store.MerchantId);
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'admin-account.created' AND subject_id = $1 AND actor = $2 AND merchant_id = $3",
            id.ToString(), $"account:{platform.Account.Id}", store.MerchantId));
        using var browser = AdminSiteClient.Browser(app.App);
        var firstSignIn = await AdminSiteClient.SubmitSignInAsync(browser, email, OneTime);
        Assert.Equal("/admin/change-password?returnUrl=%2Fadmin", firstSignIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Create_ByOwner_OnlyStoreStaffOfTheirOwnStores()
    {
        var own = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);
        var form = await owner.GetPageAsync("/admin/accounts/new");

        var asOwner = await Create(owner, AdminPrincipal.MerchantOwner, merchantId: own.MerchantId);
        var otherStore = await Create(owner, AdminPrincipal.StoreStaff, storeId: other.StoreId);
        var ownStore = await Create(owner, AdminPrincipal.StoreStaff, storeId: own.StoreId);

        Assert.DoesNotContain(other.StoreName, form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"platform-admin\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, asOwner.StatusCode);
        Assert.Contains("<span id=\"Role-error\" class=\"field-error\">Choose one of the roles offered.</span>", await asOwner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherStore.StatusCode);
        Assert.Contains("<span id=\"StoreId-error\" class=\"field-error\">Choose the store of this staff member.</span>", await otherStore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ownStore.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_accounts WHERE merchant_id = $1 AND role = 'store-staff' AND store_id = $2", own.MerchantId, own.StoreId));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_accounts WHERE merchant_id = $1", other.MerchantId));
    }

    [Fact]
    public async Task Create_InvalidFields_AnswersFieldErrorsAndCreatesNothing()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var before = await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_accounts");

        var response = await platform.PostFormAsync("/admin/accounts/new", new Dictionary<string, string>
        {
            ["Email"] = "not-an-address", ["DisplayName"] = "", ["Role"] = AdminPrincipal.MerchantOwner, ["MerchantId"] = "", ["Password"] = "short",
        });
        var taken = await platform.PostFormAsync("/admin/accounts/new", new Dictionary<string, string>
        {
            ["Email"] = platform.Account.Email.ToUpperInvariant(), ["DisplayName"] = "Twin", ["Role"] = AdminPrincipal.PlatformAdmin, ["Password"] = OneTime,
        });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (response.StatusCode, taken.StatusCode));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"Email-error\" class=\"field-error\">Enter a valid e-mail address, such as name@example.com.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"DisplayName-error\" class=\"field-error\">This field is required.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"MerchantId-error\" class=\"field-error\">Choose the merchant of this owner.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Password-error\" class=\"field-error\">Choose 12 to 200 characters.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Email-error\" class=\"field-error\">Another account has this e-mail.</span>", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_accounts"));
    }

    [Fact]
    public async Task List_Owner_SeesOnlyTheirMerchantsAccounts()
    {
        var own = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        var staff = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.StoreStaff, own.MerchantId, own.StoreId);
        var stranger = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.StoreStaff, other.MerchantId, other.StoreId);
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);

        var html = await owner.GetPageAsync("/admin/accounts");

        Assert.Contains(staff.Email, html, StringComparison.Ordinal);
        Assert.Contains(owner.Account.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.Email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_ByOwner_EndsTheStaffSessionAndOtherMerchantsAccountsAnswerNotFound()
    {
        var own = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, own.MerchantId, own.StoreId);
        var stranger = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.StoreStaff, other.MerchantId, other.StoreId);

        var disabled = await owner.PostFormAsync("/admin/accounts", new Dictionary<string, string>(), $"/admin/accounts?handler=Disable&accountId={staff.Account.Id}");
        var list = await owner.GetPageAsync("/admin/accounts");
        var staffHome = await staff.GetAsync("/admin");
        var elsewhere = await owner.PostFormAsync("/admin/accounts", new Dictionary<string, string>(), $"/admin/accounts?handler=Disable&accountId={stranger.Id}");
        var signIn = await AdminSiteClient.SubmitSignInAsync(AdminSiteClient.Browser(app.App), staff.Account.Email, AdminSiteClient.Password);
        var enabled = await owner.PostFormAsync("/admin/accounts", new Dictionary<string, string>(), $"/admin/accounts?handler=Enable&accountId={staff.Account.Id}");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains($"<p class=\"flash\">{staff.Account.Email} is disabled.</p>", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staffHome.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin", staffHome.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Null(await app.QueryScalarAsync<DateTimeOffset?>("SELECT disabled_at FROM admin_accounts WHERE account_id = $1", stranger.Id));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(
            ["admin-account.disabled", "admin-account.enabled"],
            await ActionsAsync(staff.Account.Id, $"account:{owner.Account.Id}"));
    }

    [Fact]
    public async Task SendReset_ByPlatformAdmin_WritesTheOutboxRowAndTheAudit()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var target = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);

        var sent = await platform.PostFormAsync("/admin/accounts", new Dictionary<string, string>(), $"/admin/accounts?handler=SendReset&accountId={target.Id}");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE topic = 'admin-password-reset' AND merchant_id IS NULL AND payload->>'email' = $1", target.Email));
        Assert.Equal(["admin-account.reset-link-sent"], await ActionsAsync(target.Id, $"account:{platform.Account.Id}"));
    }

    [Fact]
    public async Task AccountsPage_StoreStaff_AnswersNotFound()
    {
        var store = await app.CreateStoreAsync();
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);

        var response = await staff.GetAsync("/admin/accounts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Create(AdminSiteClient client, string role, Guid? merchantId = null, Guid? storeId = null) =>
        client.PostFormAsync("/admin/accounts/new", new Dictionary<string, string>
        {
            ["Email"] = $"staff.{Guid.NewGuid():N}@example.com", ["DisplayName"] = "Sam Staff", ["Role"] = role,
            ["MerchantId"] = merchantId?.ToString() ?? "", ["StoreId"] = storeId?.ToString() ?? "", ["Password"] = OneTime,
        });

    private async Task<List<string>> ActionsAsync(Guid accountId, string actor)
    {
        var actions = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(app.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action FROM audit_log WHERE subject_id = $1 AND actor = $2 ORDER BY id", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = accountId.ToString() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = actor });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            actions.Add(reader.GetString(0));
        return actions;
    }
}
