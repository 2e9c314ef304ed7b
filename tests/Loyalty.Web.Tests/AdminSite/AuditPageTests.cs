using System.Net;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>/admin/audit: owners see their merchant's entries only, account actors by e-mail, and the filters.</summary>
public sealed class AuditPageTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task Audit_Owner_SeesOnlyTheirMerchantsEntriesWithAccountActorsByEmail()
    {
        var own = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        await CreateStaffAsync(platform, own.StoreId, "own.staff");
        await CreateStaffAsync(platform, other.StoreId, "other.staff");
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);

        var html = await owner.GetPageAsync($"/admin/audit?merchant={other.MerchantId}");

        Assert.Contains($"<td class=\"actor\">{platform.Account.Email}</td>", html, StringComparison.Ordinal);
        Assert.Contains("own.staff.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("other.staff.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.StoreName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Filters_ByActionActorAndDays()
    {
        var store = await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var staff = await CreateStaffAsync(platform, store.StoreId, "filtered.staff");
        var today = app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = app.Clock.GetUtcNow().UtcDateTime.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byActor = await platform.GetPageAsync($"/admin/audit?merchant={store.MerchantId}&actor={Uri.EscapeDataString(platform.Account.Email.ToUpperInvariant())}&action=admin-account.created&from={today}&to={today}");
        var otherAction = await platform.GetPageAsync($"/admin/audit?merchant={store.MerchantId}&action=store.created&actor={Uri.EscapeDataString(platform.Account.Email)}");
        var later = await platform.GetPageAsync($"/admin/audit?merchant={store.MerchantId}&from={tomorrow}");

        Assert.Contains(staff, byActor, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1 (1 in all)", byActor, StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty-state\">Nothing matches these filters.</p>", otherAction, StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty-state\">Nothing matches these filters.</p>", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_InvalidDates_AnswerFieldErrors()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var invalid = await platform.GetAsync("/admin/audit?from=14.03.2026");
        var reversed = await platform.GetAsync("/admin/audit?from=2026-03-14&to=2026-03-01");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (invalid.StatusCode, reversed.StatusCode));
        Assert.Contains("<span id=\"from-error\" class=\"field-error\">Enter a date such as 2026-03-14.</span>", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<span id=\"to-error\" class=\"field-error\">The end is before the start.</span>", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_StoreStaff_AnswersNotFound()
    {
        var store = await app.CreateStoreAsync();
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/audit")).StatusCode);
    }

    private static async Task<string> CreateStaffAsync(AdminSiteClient platform, Guid storeId, string prefix)
    {
        var email = $"{prefix}.{Guid.NewGuid():N}@example.com";
        var created = await platform.PostFormAsync("/admin/accounts/new", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Sam Staff", ["Role"] = AdminPrincipal.StoreStaff, ["MerchantId"] = "",
            ["StoreId"] = storeId.ToString(), ["Password"] = "first one-time passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return email;
    }
}
