using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Operations;

/// <summary><c>/admin/staff</c>: create, reset and unlock through the page, with their audit rows and what terminals then see.</summary>
public sealed partial class StaffPageTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task Create_ValidNameAndPin_CreatesThePinAuditedAsThePersonAndSaysSo()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var page = StaffPath(store.StoreId);

        var created = await owner.PostFormAsync(page, new Dictionary<string, string> { ["Name"] = " Ana Reis ", ["Pin"] = "482913" }, $"{page}&handler=Create");
        var html = await owner.GetPageAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(page, created.Headers.Location?.OriginalString);
        Assert.Contains("<p class=\"flash\">PIN created for Ana Reis.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Ana Reis</th>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge ok\">Offline verifier</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("482913", html, StringComparison.Ordinal);
        var pinId = await app.QueryScalarAsync<Guid>("SELECT pin_id FROM staff_pins WHERE store_id = $1 AND name = 'Ana Reis' AND pin_digits = 6", store.StoreId);
        Assert.Equal(
            $"account:{owner.Account.Id:D}|pin.created|Ana Reis|{store.StoreId:D}",
            await AuditAsync(pinId, "pin.created"));
        using var terminal = await PairedTerminalAsync(store.StoreId);
        Assert.Equal(HttpStatusCode.OK, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "482913" })).StatusCode);
    }

    [Fact]
    public async Task Create_MissingNameAndShortPin_ShowsBothFieldErrorsAndCreatesNothing()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var page = StaffPath(store.StoreId);

        var answer = await owner.PostFormAsync(page, new Dictionary<string, string> { ["Name"] = "  ", ["Pin"] = "12" }, $"{page}&handler=Create");
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<span id=\"Name-error\" class=\"field-error field-validation-error\" data-valmsg-for=\"Name\" data-valmsg-replace=\"true\">Enter a name.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"Pin-error\" class=\"field-error field-validation-error\" data-valmsg-for=\"Pin\" data-valmsg-replace=\"true\">A PIN has 4 to 8 digits.</span>", html, StringComparison.Ordinal);
        Assert.Contains("This store has no staff PIN yet.", html, StringComparison.Ordinal);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM staff_pins WHERE store_id = $1", store.StoreId));
    }

    [Fact]
    public async Task Reset_NewPin_ReplacesTheOldOneAuditedAsThePerson()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821", "Alex");
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var page = StaffPath(store.StoreId);

        var malformed = await owner.PostFormAsync(page, new Dictionary<string, string> { ["PinId"] = pinId.ToString("D"), ["NewPin"] = "12ab" }, $"{page}&handler=Reset");
        var reset = await owner.PostFormAsync(page, new Dictionary<string, string> { ["PinId"] = pinId.ToString("D"), ["NewPin"] = "97531" }, $"{page}&handler=Reset");
        var html = await owner.GetPageAsync(page);

        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Contains($"<span id=\"new-pin-{pinId:N}-error\" class=\"field-error\">A PIN has 4 to 8 digits.</span>", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(page, reset.Headers.Location?.OriginalString);
        Assert.Contains("<p class=\"flash\">The PIN of Alex is changed.</p>", html, StringComparison.Ordinal);
        Assert.Equal($"account:{owner.Account.Id:D}|pin.changed|Alex|{store.StoreId:D}", await AuditAsync(pinId, "pin.changed"));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'pin.changed'", pinId.ToString("D")));
        using var terminal = await PairedTerminalAsync(store.StoreId);
        Assert.Equal(HttpStatusCode.OK, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "97531" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" })).StatusCode);
    }

    [Fact]
    public async Task Unlock_LockedPin_ShowsTheLockThenClearsItAuditedAsThePerson()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821", "Alex");
        using var terminal = await PairedTerminalAsync(store.StoreId);
        Assert.Equal(HttpStatusCode.OK, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/failed-attempts", new { count = 5, lastAttemptAt = app.Clock.GetUtcNow() })).StatusCode);
        var lockedUntil = app.Clock.GetUtcNow().AddMinutes(15);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);
        var page = StaffPath(store.StoreId);

        var before = await staff.GetPageAsync(page);
        var unlocked = await staff.PostFormAsync(page, new Dictionary<string, string> { ["PinId"] = pinId.ToString("D") }, $"{page}&handler=Unlock");
        var after = await staff.GetPageAsync(page);

        var luxembourg = TimeZoneInfo.ConvertTime(lockedUntil, TimeZoneInfo.FindSystemTimeZoneById("Europe/Luxembourg")).ToString("g", CultureInfo.GetCultureInfo("en"));
        Assert.Contains("<td>5</td>", before, StringComparison.Ordinal);
        // The culture's time may hold a narrow no-break space, which the page writes as a character reference.
        Assert.Equal($"Locked until {luxembourg}", WebUtility.HtmlDecode(LockBadge().Match(before).Groups[1].Value));
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("<p class=\"flash\">The PIN of Alex is unlocked.</p>", after, StringComparison.Ordinal);
        Assert.Contains("<td>0</td>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Locked until", after, StringComparison.Ordinal);
        Assert.Equal(
            $"account:{staff.Account.Id:D}|pin.unlocked|Alex|{store.StoreId:D}|5",
            await app.QueryScalarAsync<string>(
                "SELECT actor || '|' || action || '|' || (details->>'name') || '|' || (details->>'storeId') || '|' || (details->>'failedAttempts') FROM audit_log WHERE subject_id = $1 AND action = 'pin.unlocked'",
                pinId.ToString("D")));
        Assert.Equal(HttpStatusCode.OK, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" })).StatusCode);
    }

    [Fact]
    public async Task StoreStaff_SeeTheirStoreOnlyAndMayNotCreateOrReset()
    {
        var store = await app.CreateStoreAsync();
        var sibling = await app.CreateStoreAsync(store.MerchantId);
        var pinId = await app.CreatePinAsync(store.StoreId, "4821", "Alex");
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);
        var page = StaffPath(store.StoreId);

        var home = await staff.GetPageAsync("/admin/staff");
        var siblingPage = await staff.GetAsync(StaffPath(sibling.StoreId));
        var create = await staff.PostFormAsync(page, new Dictionary<string, string> { ["Name"] = "Eve", ["Pin"] = "1234" }, $"{page}&handler=Create");
        var reset = await staff.PostFormAsync(page, new Dictionary<string, string> { ["PinId"] = pinId.ToString("D"), ["NewPin"] = "1234" }, $"{page}&handler=Reset");

        Assert.Contains("<th scope=\"row\">Alex</th>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Create", home, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Reset", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, siblingPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = $1", $"account:{staff.Account.Id:D}"));
    }

    [Fact]
    public async Task OtherMerchantsStoreOrPin_GetAndPost_AnswerTheNotFoundPageAndChangeNothing()
    {
        var own = await app.CreateStoreAsync();
        var foreign = await app.CreateStoreAsync();
        var foreignPin = await app.CreatePinAsync(foreign.StoreId, "4821", "Alex");
        using var terminal = await PairedTerminalAsync(foreign.StoreId);
        Assert.Equal(HttpStatusCode.OK, (await terminal.PostAsJsonAsync($"/api/terminal/v1/staff/{foreignPin}/failed-attempts", new { count = 5, lastAttemptAt = app.Clock.GetUtcNow() })).StatusCode);
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);
        var ownPage = StaffPath(own.StoreId);
        var foreignPage = StaffPath(foreign.StoreId);
        var pin = new Dictionary<string, string> { ["PinId"] = foreignPin.ToString("D"), ["NewPin"] = "13579" };

        var answers = new[]
        {
            await owner.GetAsync(foreignPage),
            await owner.GetAsync(StaffPath(Guid.NewGuid())),
            await owner.GetAsync("/admin/staff?store=not-a-store"),
            await owner.PostFormAsync(ownPage, new Dictionary<string, string> { ["Name"] = "Eve", ["Pin"] = "1234" }, $"{foreignPage}&handler=Create"),
            await owner.PostFormAsync(ownPage, pin, $"{foreignPage}&handler=Reset"),
            await owner.PostFormAsync(ownPage, pin, $"{foreignPage}&handler=Unlock"),
            await owner.PostFormAsync(ownPage, pin, $"{ownPage}&handler=Reset"),
            await owner.PostFormAsync(ownPage, pin, $"{ownPage}&handler=Unlock"),
        };

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("Page not found", html, StringComparison.Ordinal);
            Assert.DoesNotContain(foreign.StoreName, html, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM staff_pins WHERE store_id = $1", foreign.StoreId));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM staff_pins WHERE pin_id = $1 AND locked_until IS NOT NULL", foreignPin));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = $1", $"account:{owner.Account.Id:D}"));
    }

    [Fact]
    public async Task List_MoreThanAPage_IsPagedByName()
    {
        var store = await app.CreateStoreAsync();
        for (var i = 1; i <= 26; i++)
            await app.CreatePinAsync(store.StoreId, "4821", $"Staff {i:D2}");
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);

        var first = await owner.GetPageAsync(StaffPath(store.StoreId));
        var second = await owner.GetPageAsync($"{StaffPath(store.StoreId)}&page=2");

        Assert.Contains("<th scope=\"row\">Staff 25</th>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"row\">Staff 26</th>", first, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Staff 26</th>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"row\">Staff 01</th>", second, StringComparison.Ordinal);
    }

    private static string StaffPath(Guid storeId) => $"/admin/staff?store={storeId:D}";

    private async Task<HttpClient> PairedTerminalAsync(Guid storeId) => app.Device((await app.PairAsync(storeId)).Token);

    private Task<string?> AuditAsync(Guid pinId, string action) => app.QueryScalarAsync<string>(
        "SELECT actor || '|' || action || '|' || (details->>'name') || '|' || (details->>'storeId') FROM audit_log WHERE subject_type = 'pin' AND subject_id = $1 AND action = $2",
        pinId.ToString("D"),
        action);

    [GeneratedRegex("<span class=\"badge danger\">([^<]*)</span>")]
    private static partial Regex LockBadge();
}
