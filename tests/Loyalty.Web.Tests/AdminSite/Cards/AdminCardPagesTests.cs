using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.AdminSite.Cards.CardSearchWorld;

namespace Loyalty.Web.Tests.AdminSite.Cards;

/// <summary>The admin card pages over HTTP: search by each key, scope by role, and changes with their ledger and audit rows.</summary>
public sealed partial class AdminCardPagesTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task Search_ByEachKey_FindsTheCard()
    {
        var card = await app.CreateCardAsync();
        var tag = Tag();
        var digits = Digits(8);
        var number = await app.EnrollAsync(card, $"Zoé Kieffer{tag}", $"Zoe.{tag}@Example.com", $"+352 6{digits[..2]} {digits[2..5]} {digits[5..]}");
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        foreach (var q in new[] { string.Join(' ', number.Chunk(4).Select(c => new string(c))), $"zoe.{tag}@", $"ZOE.{tag}@EXAMPLE.COM", $"6{digits}", $"kieffer{tag}", $"zoe kieffer{tag}", $"Zoe.{tag}" })
        {
            var html = await admin.GetPageAsync($"/admin/cards?q={Uri.EscapeDataString(q)}");
            Assert.True(Found(html).SequenceEqual([number]), $"{q}: {string.Join(", ", Found(html))}");
        }
    }

    [Fact]
    public async Task Search_TwoCharactersOfAName_ExplainsWhyAndSearchesNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var html = await admin.GetPageAsync("/admin/cards?q=Li");

        Assert.Contains("Type at least 3 characters of a name", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_ShowsTheEmptyStateInFrench()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var html = WebUtility.HtmlDecode(await admin.GetPageAsync($"/admin/cards?q=nobody{Tag()}&lang=fr"));

        Assert.Contains("Aucune carte ne correspond à", html, StringComparison.Ordinal);
        Assert.Empty(Found(html));
    }

    [Fact]
    public async Task OwnerOfMerchantA_CardOfMerchantB_IsNotFoundBySearchOrUrl()
    {
        var a = await app.CreateCardAsync();
        var b = await app.CreateCardAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, a.Store.MerchantId);

        Assert.Empty(Found(await owner.GetPageAsync($"/admin/cards?q={b.CardNumber}")));
        Assert.Equal([a.CardNumber], Found(await owner.GetPageAsync($"/admin/cards?q={a.CardNumber}")));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/admin/cards/{b.CardNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/admin/cards/{a.CardNumber}")).StatusCode);

        var post = await PostAsync(owner, a.CardNumber, "Adjust", new() { ["Adjust.Stamps"] = "1", ["Adjust.Reason"] = "Not mine" }, b.CardNumber);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", b.CardNumber));
    }

    [Fact]
    public async Task StoreStaff_SeeCardsOfTheirStoreOnly()
    {
        var here = await app.CreateCardAsync();
        var there = await app.OtherStoreAsync(here);
        var tag = Tag();
        var enrolledThere = await app.EnrollAsync(there, $"Ben {tag}", $"{tag}@example.com", null);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, here.Store.MerchantId, here.Store.StoreId);

        Assert.Equal([here.CardNumber], Found(await staff.GetPageAsync($"/admin/cards?q={here.CardNumber}")));
        Assert.Empty(Found(await staff.GetPageAsync($"/admin/cards?q={tag}")));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/cards/{enrolledThere}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/admin/cards/{here.CardNumber}")).StatusCode);
    }

    [Fact]
    public async Task Adjust_WithReason_WritesOneLedgerEntryAndAuditsThePerson()
    {
        var card = await app.CreateCardAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, card.Store.MerchantId);

        var response = await PostAsync(owner, card.CardNumber, "Adjust", new() { ["Adjust.Stamps"] = "3", ["Adjust.Reason"] = "Machine was down" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/cards/{card.CardNumber}", response.Headers.Location?.OriginalString);
        var page = WebUtility.HtmlDecode(await owner.GetPageAsync($"/admin/cards/{card.CardNumber}"));
        Assert.Contains("The balance was adjusted: +3 stamps, 0 points.", page, StringComparison.Ordinal);
        Assert.Contains("Adjustment: Machine was down", page, StringComparison.Ordinal);
        Assert.Equal("adjustment|Adjustment: Machine was down|3|0", await LastEntryAsync(card.CardNumber));
        Assert.Equal($"card.adjusted|{AuditActors.ForAccount(owner.Account.Id)}|Machine was down", await AuditAsync(card.CardNumber));
    }

    [Fact]
    public async Task Adjust_SameFormSentTwice_AppliesOnce()
    {
        var card = await app.CreateCardAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, card.Store.MerchantId);
        var (token, keys) = await FormAsync(owner, card.CardNumber);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Adjust.Key"] = keys["Adjust.Key"], ["Adjust.Stamps"] = "2", ["Adjust.Reason"] = "Goodwill",
        };

        var first = await owner.Http.PostAsync($"/admin/cards/{card.CardNumber}?handler=Adjust", new FormUrlEncodedContent(fields));
        var second = await owner.Http.PostAsync($"/admin/cards/{card.CardNumber}?handler=Adjust", new FormUrlEncodedContent(fields));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'adjustment'", card.CardNumber));
        Assert.Equal(2, await app.QueryScalarAsync<int>("SELECT stamps FROM cards WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task Adjust_BadInput_ShowsFieldErrorsAndChangesNothing()
    {
        var card = await app.CreateCardAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, card.Store.MerchantId);

        var response = await PostAsync(owner, card.CardNumber, "Adjust", new() { ["Adjust.Stamps"] = "two", ["Adjust.Reason"] = " " });
        var html = await response.Content.ReadAsStringAsync();
        var removeTooMany = await PostAsync(owner, card.CardNumber, "Adjust", new() { ["Adjust.Stamps"] = "-5", ["Adjust.Reason"] = "Oops" });
        var refused = await removeTooMany.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, removeTooMany.StatusCode));
        Assert.Equal("Stamps: a whole number from -1000 to 1000; adjust stamps, points or both.", FieldError(html, "Adjust_Stamps"));
        Assert.Equal("Give a reason of 1 to 500 characters, without control characters.", FieldError(html, "Adjust_Reason"));
        Assert.Equal("The card has fewer stamps toward its next reward than that.", FieldError(refused, "Adjust_Stamps"));
        Assert.Equal("enrollment||0|0", await LastEntryAsync(card.CardNumber));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task Void_ConfirmedWithReason_ReversesTheStampsOnce()
    {
        var card = await app.CreateCardAsync();
        using (var device = app.Device(card.Device.Token))
            Assert.Equal(HttpStatusCode.OK, (await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 2, pinId = card.PinId, idempotencyKey = "stamp-void" })).StatusCode);
        var transactionId = (await app.QueryScalarAsync<Guid>("SELECT transaction_id FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", card.CardNumber))!;
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, card.Store.MerchantId);

        var response = await PostAsync(owner, card.CardNumber, "Void", new() { ["Void.TransactionId"] = transactionId.ToString(), ["Void.Reason"] = "Wrong card" });
        var again = await PostAsync(owner, card.CardNumber, "Void", new() { ["Void.TransactionId"] = transactionId.ToString(), ["Void.Reason"] = "Wrong card" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"void|Void of Stamp transaction {transactionId}: Wrong card|-2|0", await LastEntryAsync(card.CardNumber));
        Assert.Equal($"card.transaction-voided|{AuditActors.ForAccount(owner.Account.Id)}|Wrong card", await AuditAsync(card.CardNumber));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This transaction was already voided.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryScalarAsync<int>("SELECT stamps FROM cards WHERE card_number = $1", card.CardNumber));
    }

    [Fact]
    public async Task BlockAndUnblock_ThroughThePage_TerminalIsRefusedMeanwhile()
    {
        var card = await app.CreateCardAsync();
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, card.Store.MerchantId, card.Store.StoreId);
        using var device = app.Device(card.Device.Token);

        var blocked = await PostAsync(staff, card.CardNumber, "Block", new() { ["Block.Reason"] = "Reported stolen" });
        var stamp = await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = "stamp-blocked" });
        var blockedPage = await staff.GetPageAsync($"/admin/cards/{card.CardNumber}");
        var unblocked = await PostAsync(staff, card.CardNumber, "Unblock", new() { ["Unblock.Reason"] = "Customer found it" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (blocked.StatusCode, unblocked.StatusCode));
        await ProblemAssert.AssertAsync(stamp, HttpStatusCode.UnprocessableEntity, "card-blocked");
        Assert.Contains("The card is blocked.", blockedPage, StringComparison.Ordinal);
        Assert.Equal("active", await app.QueryScalarAsync<string>("SELECT status FROM cards WHERE card_number = $1", card.CardNumber));
        var actor = AuditActors.ForAccount(staff.Account.Id);
        Assert.Equal(
            $"card.blocked|{actor}|Reported stolen,card.unblocked|{actor}|Customer found it",
            await app.QueryScalarAsync<string>("SELECT string_agg(action || '|' || actor || '|' || (details ->> 'reason'), ',' ORDER BY id) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task Block_WithoutReason_ShowsTheErrorInTheOpenConfirmation()
    {
        var card = await app.CreateCardAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, card.Store.MerchantId);

        var response = await PostAsync(owner, card.CardNumber, "Block", new() { ["Block.Reason"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<details class=\"confirm\" open=\"open\">", html, StringComparison.Ordinal);
        Assert.Equal("Give a reason of 1 to 500 characters, without control characters.", FieldError(html, "Block_Reason"));
        Assert.Equal("active", await app.QueryScalarAsync<string>("SELECT status FROM cards WHERE card_number = $1", card.CardNumber));
    }

    /// <summary>Opens the card page, then posts one of its forms with that render's key and antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(AdminSiteClient client, string cardNumber, string handler, Dictionary<string, string> fields, string? target = null)
    {
        var (token, keys) = await FormAsync(client, cardNumber);
        fields["__RequestVerificationToken"] = token;
        if (keys.TryGetValue($"{handler}.Key", out var key))
            fields[$"{handler}.Key"] = key;
        else
            fields[$"{handler}.Key"] = $"test-{Guid.NewGuid():N}";
        return await client.Http.PostAsync($"/admin/cards/{target ?? cardNumber}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<(string Token, Dictionary<string, string> Keys)> FormAsync(AdminSiteClient client, string cardNumber)
    {
        var html = await client.GetPageAsync($"/admin/cards/{cardNumber}");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
        var keys = KeyField().Matches(html).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Groups[2].Value);
        return (token, keys);
    }

    private async Task<string?> LastEntryAsync(string cardNumber) => await app.QueryScalarAsync<string>(
        "SELECT kind || '|' || CASE WHEN kind IN ('adjustment', 'void') THEN reason ELSE '' END || '|' || stamps_delta || '|' || points_delta FROM ledger_entries WHERE card_number = $1 ORDER BY sequence DESC LIMIT 1",
        cardNumber);

    private async Task<string?> AuditAsync(string cardNumber) => await app.QueryScalarAsync<string>(
        "SELECT string_agg(action || '|' || actor || '|' || (details ->> 'reason'), ',' ORDER BY id) FROM audit_log WHERE subject_id = $1", cardNumber);

    private static List<string> Found(string html) => CardLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

    private static string? FieldError(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}-error\"[^>]*>([^<]*)<");
        if (!match.Success)
            match = Regex.Match(html, $"<span class=\"field-error[^\"]*\" id=\"{id}-error\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("href=\"/admin/cards/(\\d{16})\"")]
    private static partial Regex CardLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("type=\"hidden\" (?:data-val[^ ]* )*id=\"[^\"]*\" name=\"((?:Adjust|Block|Unblock)\\.Key)\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
