using System.Net;
using Loyalty.Testing;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Catalog;

/// <summary>The merchant, store and program pages: what a save stores and audits, what a refusal leaves, who reaches what.</summary>
public sealed class CatalogPagesTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task CreateMerchant_PlatformAdmin_StoresMerchantAndLockoutWithAuditRows()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var slug = AdminApi.UniqueSlug("page-merchant");

        var response = await admin.PostFormAsync("/admin/merchants", new Dictionary<string, string>
        {
            ["Form.Name"] = "Boulangerie Page", ["Form.Slug"] = slug, ["Form.DefaultLocale"] = "fr",
            ["Form.MaxConsecutiveFailures"] = "3", ["Form.LockMinutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var merchantId = await ScalarAsync<Guid>("SELECT merchant_id FROM merchants WHERE slug = $1", slug);
        Assert.Equal($"/admin/merchants/{merchantId:D}", response.Headers.Location?.OriginalString);
        Assert.Equal("Boulangerie Page|fr", await ScalarAsync<string>("SELECT name || '|' || default_locale FROM merchants WHERE merchant_id = $1", merchantId));
        var actor = $"account:{admin.Account.Id:D}";
        Assert.Equal(
            $"{actor}|merchant.created,{actor}|merchant.pin-lockout-changed",
            await ScalarAsync<string>("SELECT string_agg(actor || '|' || action, ',' ORDER BY id) FROM audit_log WHERE merchant_id = $1", merchantId));
        Assert.Equal(
            "3|30",
            await ScalarAsync<string>(
                "SELECT (details->>'maxConsecutiveFailures') || '|' || (details->>'lockMinutes') FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.pin-lockout-changed'",
                merchantId));
        var page = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("<p class=\"flash\">Merchant Boulangerie Page created.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMerchant_FieldErrors_CreateNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var before = await ScalarAsync<long>("SELECT count(*) FROM merchants");

        var response = await admin.PostFormAsync("/admin/merchants", new Dictionary<string, string>
        {
            ["Form.Name"] = "", ["Form.Slug"] = "Not A Slug", ["Form.DefaultLocale"] = "en", ["Form.MaxConsecutiveFailures"] = "0", ["Form.LockMinutes"] = "15",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Form_MaxConsecutiveFailures-error\" class=\"field-error field-validation-error\" data-valmsg-for=\"Form.MaxConsecutiveFailures\" data-valmsg-replace=\"true\">Must be a whole number from 1 to 100.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.Name\" data-valmsg-replace=\"true\">Required.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.Slug\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await ScalarAsync<long>("SELECT count(*) FROM merchants"));
    }

    [Fact]
    public async Task CreateAndEditStore_Owner_StoresExactValuesAndAuditsAsTheAccount()
    {
        var merchant = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, merchant.MerchantId);
        var newStore = $"/admin/merchants/{merchant.MerchantId:D}/stores/new";

        var created = await owner.PostFormAsync(newStore, new Dictionary<string, string>
        {
            ["Form.Name"] = "Gare", ["Form.Slug"] = "gare", ["Form.TimeZone"] = "Europe/Paris",
            ["Form.Descriptions.En"] = "By the station", ["Form.Descriptions.Fr"] = "Près de la gare", ["Form.Descriptions.De"] = "", ["Form.Descriptions.Lb"] = "Bei der Gare",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var storeId = await ScalarAsync<Guid>("SELECT store_id FROM stores WHERE merchant_id = $1 AND slug = 'gare'", merchant.MerchantId);
        var storePage = $"/admin/merchants/{merchant.MerchantId:D}/stores/{storeId:D}";
        Assert.Equal(storePage, created.Headers.Location?.OriginalString);
        Assert.Equal(
            """Gare|Europe/Paris|{"en": "By the station", "fr": "Près de la gare", "lb": "Bei der Gare"}""",
            await ScalarAsync<string>("SELECT name || '|' || time_zone || '|' || descriptions::text FROM stores WHERE store_id = $1", storeId));

        var edited = await owner.PostFormAsync(storePage, new Dictionary<string, string>
        {
            ["Form.Name"] = "Gare centrale", ["Form.TimeZone"] = "Europe/Luxembourg",
            ["Form.Descriptions.En"] = "", ["Form.Descriptions.Fr"] = "Face à la gare", ["Form.Descriptions.De"] = "Am Bahnhof", ["Form.Descriptions.Lb"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(storePage, edited.Headers.Location?.OriginalString);
        Assert.Equal(
            """Gare centrale|gare|Europe/Luxembourg|{"de": "Am Bahnhof", "fr": "Face à la gare"}""",
            await ScalarAsync<string>("SELECT name || '|' || slug || '|' || time_zone || '|' || descriptions::text FROM stores WHERE store_id = $1", storeId));
        var actor = $"account:{owner.Account.Id:D}";
        Assert.Equal(
            $"{actor}|store.created,{actor}|store.updated",
            await ScalarAsync<string>("SELECT string_agg(actor || '|' || action, ',' ORDER BY id) FROM audit_log WHERE subject_id = $1", storeId.ToString("D")));
        Assert.Contains("<p class=\"flash\">Store Gare centrale saved.</p>", await owner.GetPageAsync(storePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditStore_FieldErrors_ShowBesideFieldsAndChangeNothing()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var storePage = $"/admin/merchants/{store.MerchantId:D}/stores/{store.StoreId:D}";
        var before = await ScalarAsync<string>("SELECT row_to_json(s)::text FROM stores s WHERE store_id = $1", store.StoreId);

        var response = await owner.PostFormAsync(storePage, new Dictionary<string, string>
        {
            ["Form.Name"] = "", ["Form.TimeZone"] = "Mars/Olympus", ["Form.Descriptions.Fr"] = "Ligne\u0007",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Form.TimeZone\" data-valmsg-replace=\"true\">Must be an IANA time zone id such as Europe/Luxembourg.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.Name\" data-valmsg-replace=\"true\">Required.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.Descriptions.Fr\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await ScalarAsync<string>("SELECT row_to_json(s)::text FROM stores s WHERE store_id = $1", store.StoreId));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'store.updated'", store.StoreId.ToString("D")));
    }

    [Fact]
    public async Task CreateProgram_Stamps_StoresTheDefinitionTheApiWouldAndAudits()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);

        var response = await owner.PostFormAsync($"/admin/merchants/{store.MerchantId:D}/programs/new", StampsProgram("8"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var programId = await ScalarAsync<Guid>("SELECT program_id FROM programs WHERE merchant_id = $1", store.MerchantId);
        Assert.Equal($"/admin/merchants/{store.MerchantId:D}/programs/{programId:D}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            "Coffee card|stamps|8|Free coffee|60|3|null|[]|0|none|Carte de fidélité.",
            await ScalarAsync<string>("""
                SELECT name || '|' || kind || '|' || (definition->>'stampsRequired') || '|' || (definition->>'stampRewardName') || '|'
                       || (definition->>'stampCooldownSeconds') || '|' || (definition->>'maxStampsPerCardPerDay') || '|'
                       || coalesce(definition->>'currency', 'null') || '|' || (definition->'rewards')::text || '|' || (definition->>'welcomeBonusPoints') || '|'
                       || (definition->'pointExpiry'->>'mode') || '|' || (definition->'terms'->'texts'->>'fr')
                FROM programs WHERE program_id = $1
                """, programId));
        Assert.Equal(
            $"account:{owner.Account.Id:D}|program.created",
            await ScalarAsync<string>("SELECT string_agg(actor || '|' || action, ',') FROM audit_log WHERE subject_id = $1", programId.ToString("D")));
    }

    [Fact]
    public async Task PreviewProgram_ShowsTheStorefrontTextsInTheChosenLanguageAndSavesNothing()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var editor = $"/admin/merchants/{store.MerchantId:D}/programs/new";

        var response = await owner.PostFormAsync(editor, new Dictionary<string, string>(StampsProgram("8")) { ["PreviewLanguage"] = "fr" }, $"{editor}?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<section class=\"catalog-preview\" aria-labelledby=\"preview-heading\" lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>Cumulez 8 tampons et recevez : Free coffee.</li>", html, StringComparison.Ordinal);
        Assert.Contains("Encore 8 pour : Free coffee", html, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM programs WHERE merchant_id = $1", store.MerchantId));
    }

    [Fact]
    public async Task EditProgram_ValidatorErrors_ShowBesideFieldsAndChangeNothing()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new
        {
            name = "Points", kind = "points", pointsPerCurrencyUnit = 10, rewards = new[] { new { name = "Bag", pointsCost = 500 } },
        });
        var programId = program.GetProperty("id").GetGuid();
        var rewardId = program.GetProperty("rewards")[0].GetProperty("id").GetString()!;
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var editor = $"/admin/merchants/{store.MerchantId:D}/programs/{programId:D}";
        var before = await ScalarAsync<string>("SELECT definition::text FROM programs WHERE program_id = $1", programId);

        // Row 0 emptied by the person (a removal), row 1 is the blank spare row, row 2 a new reward with a bad cost.
        var response = await owner.PostFormAsync(editor, new Dictionary<string, string>
        {
            ["Form.Name"] = "Points", ["Form.Kind"] = "points", ["Form.PointsPerCurrencyUnit"] = "2000", ["Form.Currency"] = "EUR",
            ["Form.Rewards[0].Id"] = rewardId, ["Form.Rewards[0].Name"] = "Bag", ["Form.Rewards[0].PointsCost"] = "500",
            ["Form.Rewards[1].Id"] = "", ["Form.Rewards[1].Name"] = "", ["Form.Rewards[1].PointsCost"] = "",
            ["Form.Rewards[2].Id"] = "", ["Form.Rewards[2].Name"] = "Scarf", ["Form.Rewards[2].PointsCost"] = "0",
            ["Form.PointExpiry.Mode"] = "afterEarning", ["Form.PointExpiry.Days"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Form.PointsPerCurrencyUnit\" data-valmsg-replace=\"true\">Must be between 1 and 1000.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.Rewards[2].PointsCost\" data-valmsg-replace=\"true\">Must be between 1 and 1000000000000.</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Form.PointExpiry.Days\" data-valmsg-replace=\"true\">Must be between 1 and 3650.</span>", html, StringComparison.Ordinal);
        Assert.Equal(before, await ScalarAsync<string>("SELECT definition::text FROM programs WHERE program_id = $1", programId));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'program.updated'", programId.ToString("D")));
    }

    [Fact]
    public async Task EditProgram_Owner_KeepsRewardIdsAndAudits()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new
        {
            name = "Points", kind = "points", pointsPerCurrencyUnit = 10, rewards = new[] { new { name = "Bag", pointsCost = 500 } },
        });
        var programId = program.GetProperty("id").GetGuid();
        var rewardId = program.GetProperty("rewards")[0].GetProperty("id").GetString()!;
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var editor = $"/admin/merchants/{store.MerchantId:D}/programs/{programId:D}";

        var response = await owner.PostFormAsync(editor, new Dictionary<string, string>
        {
            ["Form.Name"] = "More points", ["Form.Kind"] = "points", ["Form.PointsPerCurrencyUnit"] = "12", ["Form.Currency"] = "EUR", ["Form.WelcomeBonusPoints"] = "50",
            ["Form.Rewards[0].Id"] = rewardId, ["Form.Rewards[0].Name"] = "Big bag", ["Form.Rewards[0].PointsCost"] = "600",
            ["Form.Rewards[1].Id"] = "", ["Form.Rewards[1].Name"] = "", ["Form.Rewards[1].PointsCost"] = "",
            ["Form.PointExpiry.Mode"] = "afterEarning", ["Form.PointExpiry.Days"] = "365",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(editor, response.Headers.Location?.OriginalString);
        Assert.Equal(
            $"More points|12|50|{rewardId}|Big bag|600|afterEarning|365",
            await ScalarAsync<string>("""
                SELECT name || '|' || (definition->>'pointsPerCurrencyUnit') || '|' || (definition->>'welcomeBonusPoints') || '|'
                       || (definition->'rewards'->0->>'id') || '|' || (definition->'rewards'->0->>'name') || '|' || (definition->'rewards'->0->>'pointsCost') || '|'
                       || (definition->'pointExpiry'->>'mode') || '|' || (definition->'pointExpiry'->>'days')
                FROM programs WHERE program_id = $1
                """, programId));
        Assert.Equal(
            $"account:{owner.Account.Id:D}|program.updated",
            await ScalarAsync<string>("SELECT string_agg(actor || '|' || action, ',') FROM audit_log WHERE subject_id = $1 AND action = 'program.updated'", programId.ToString("D")));
    }

    [Fact]
    public async Task OwnerOfAnotherMerchant_GetsTheNotFoundPageAndChangesNothing()
    {
        var mine = await app.CreateStoreAsync();
        var theirs = await app.CreateStoreAsync();
        var theirProgram = (await app.CreateProgramAsync(theirs.MerchantId, new { name = "Theirs", kind = "stamps", stampsRequired = 5, stampRewardName = "Tea" }))
            .GetProperty("id").GetGuid();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, mine.MerchantId);
        var their = $"/admin/merchants/{theirs.MerchantId:D}";
        var myStorePage = $"/admin/merchants/{mine.MerchantId:D}/stores/{mine.StoreId:D}";
        var before = await SnapshotAsync(theirs.MerchantId);

        foreach (var path in new[] { their, $"{their}/stores/new", $"{their}/stores/{theirs.StoreId:D}", $"{their}/programs/new", $"{their}/programs/{theirProgram:D}" })
            Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(path)).StatusCode);

        // Posts carry a valid antiforgery token (from the owner's own store page) to the other merchant's addresses.
        var store = new Dictionary<string, string> { ["Form.Name"] = "Taken", ["Form.Slug"] = "taken", ["Form.TimeZone"] = "Europe/Luxembourg" };
        var lockout = new Dictionary<string, string> { ["LockoutForm.MaxConsecutiveFailures"] = "1", ["LockoutForm.LockMinutes"] = "1440" };
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, store, $"{their}/stores/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, store, $"{their}/stores/{theirs.StoreId:D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, StampsProgram("2"), $"{their}/programs/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, StampsProgram("2"), $"{their}/programs/{theirProgram:D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, lockout, $"{their}?handler=Lockout")).StatusCode);
        // A store of theirs under my merchant's address is no way round.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/admin/merchants/{mine.MerchantId:D}/stores/{theirs.StoreId:D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync(myStorePage, store, $"/admin/merchants/{mine.MerchantId:D}/stores/{theirs.StoreId:D}")).StatusCode);

        Assert.Equal(before, await SnapshotAsync(theirs.MerchantId));
    }

    [Fact]
    public async Task StoreStaff_ReadTheirStoreOnlyAndChangeNothing()
    {
        var store = await app.CreateStoreAsync();
        var sibling = await app.CreateStoreAsync(store.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);
        var storePage = $"/admin/merchants/{store.MerchantId:D}/stores/{store.StoreId:D}";
        var before = await SnapshotAsync(store.MerchantId);

        var list = await staff.GetAsync("/admin/merchants");
        var html = await staff.GetPageAsync(storePage);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal(storePage, list.Headers.Location?.OriginalString);
        Assert.Contains($"<h1>{store.StoreName}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Name\"", html, StringComparison.Ordinal);
        foreach (var path in new[]
        {
            $"/admin/merchants/{store.MerchantId:D}", $"/admin/merchants/{store.MerchantId:D}/stores/{sibling.StoreId:D}",
            $"/admin/merchants/{store.MerchantId:D}/stores/new", $"/admin/merchants/{store.MerchantId:D}/programs/new",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(path)).StatusCode);
        }

        var post = await staff.PostFormAsync(storePage, new Dictionary<string, string> { ["Form.Name"] = "Renamed", ["Form.TimeZone"] = "Europe/Paris" }, storePage);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await SnapshotAsync(store.MerchantId));
    }

    [Fact]
    public async Task Merchants_Owner_IsSentToTheirMerchant()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);

        var response = await owner.GetAsync("/admin/merchants");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/merchants/{store.MerchantId:D}", response.Headers.Location?.OriginalString);
        var html = await owner.GetPageAsync($"/admin/merchants/{store.MerchantId:D}");
        Assert.Contains($"<h1>{store.MerchantName}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/merchants/{store.MerchantId:D}/stores/{store.StoreId:D}\">{store.StoreName}</a>", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> StampsProgram(string stamps) => new()
    {
        ["Form.Name"] = "Coffee card", ["Form.Kind"] = "stamps", ["Form.StampsRequired"] = stamps, ["Form.StampRewardName"] = "Free coffee",
        ["Form.StampCooldownSeconds"] = "60", ["Form.MaxStampsPerCardPerDay"] = "3", ["Form.MaxStampsPerDevicePerDay"] = "",
        ["Form.PointsPerCurrencyUnit"] = "", ["Form.Currency"] = "", ["Form.WelcomeBonusPoints"] = "",
        ["Form.Rewards[0].Id"] = "", ["Form.Rewards[0].Name"] = "", ["Form.Rewards[0].PointsCost"] = "",
        ["Form.PointExpiry.Mode"] = "none", ["Form.PointExpiry.Days"] = "",
        ["Form.Terms.En"] = "", ["Form.Terms.Fr"] = "Carte de fidélité.", ["Form.Terms.De"] = "", ["Form.Terms.Lb"] = "",
        ["PreviewLanguage"] = "en",
    };

    // Everything of a merchant the catalogue pages could change.
    private Task<string?> SnapshotAsync(Guid merchantId) => ScalarAsync<string>(
        """
        SELECT (SELECT row_to_json(m)::text FROM merchants m WHERE merchant_id = $1)
            || (SELECT coalesce(json_agg(s ORDER BY store_id)::text, '') FROM stores s WHERE merchant_id = $1)
            || (SELECT coalesce(json_agg(p ORDER BY program_id)::text, '') FROM programs p WHERE merchant_id = $1)
            || (SELECT count(*)::text FROM audit_log WHERE merchant_id = $1)
        """,
        merchantId);

    private Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => TestDatabase.ScalarAsync<T>(app.App.ConnectionString, sql, parameters);
}
