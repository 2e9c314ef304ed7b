using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Cards;

public sealed class AdminCardBlockEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Admin = "/api/admin/v1";

    [Fact]
    public async Task Block_ActiveCard_TerminalRefusesCardBlockedUntilUnblocked()
    {
        var card = await app.CreateCardAsync();
        using var admin = app.Admin();
        using var device = app.Device(card.Device.Token);

        var blocked = await admin.PostAsJsonAsync($"{Admin}/cards/{card.CardNumber}/block", new { reason = "Reported lost", idempotencyKey = "block-1" });
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal("blocked", (await admin.GetFromJsonAsync<JsonElement>($"{Admin}/cards/{card.CardNumber}")).GetProperty("status").GetString());

        var stamp = await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = "stamp-1" });
        await ProblemAssert.AssertAsync(stamp, HttpStatusCode.UnprocessableEntity, "card-blocked");

        var unblocked = await admin.PostAsJsonAsync($"{Admin}/cards/{card.CardNumber}/unblock", new { reason = "Found at home", idempotencyKey = "unblock-1" });
        Assert.Equal(HttpStatusCode.OK, unblocked.StatusCode);
        var stampAgain = await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = "stamp-2" });
        Assert.Equal(HttpStatusCode.OK, stampAgain.StatusCode);

        Assert.Equal(
            "enrollment||statusChange|Blocked: Reported lost|statusChange|Unblocked: Found at home|stamp|",
            await app.QueryScalarAsync<string>(
                "SELECT string_agg(kind || '|' || CASE WHEN kind = 'statusChange' THEN reason ELSE '' END, '|' ORDER BY sequence) FROM ledger_entries WHERE card_number = $1",
                card.CardNumber));
        Assert.Equal(
            "card.blocked:Reported lost,card.unblocked:Found at home",
            await app.QueryScalarAsync<string>(
                "SELECT string_agg(action || ':' || (details ->> 'reason'), ',' ORDER BY id) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task Block_TwiceWithOneKey_AppliesOnceAndAnotherKeyIsCardBlocked()
    {
        var card = await app.CreateCardAsync();
        using var admin = app.Admin();
        var path = $"{Admin}/cards/{card.CardNumber}/block";

        var first = await (await admin.PostAsJsonAsync(path, new { reason = "Lost", idempotencyKey = "block-once" })).Content.ReadFromJsonAsync<JsonElement>();
        var replay = await admin.PostAsJsonAsync(path, new { reason = "Lost", idempotencyKey = "block-once" });
        var again = await admin.PostAsJsonAsync(path, new { reason = "Lost", idempotencyKey = "block-twice" });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.GetProperty("transactionId").GetGuid(), (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transactionId").GetGuid());
        await ProblemAssert.AssertAsync(again, HttpStatusCode.UnprocessableEntity, "card-blocked");
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'statusChange'", card.CardNumber));
    }

    [Fact]
    public async Task Unblock_ActiveCard_IsCardNotBlockedAndChangesNothing()
    {
        var card = await app.CreateCardAsync();
        using var admin = app.Admin();

        var response = await admin.PostAsJsonAsync($"{Admin}/cards/{card.CardNumber}/unblock", new { reason = "Why", idempotencyKey = "unblock-active" });

        await ProblemAssert.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "card-not-blocked");
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task Block_WithoutReason_IsValidationProblemAndChangesNothing()
    {
        var card = await app.CreateCardAsync();
        using var admin = app.Admin();

        var response = await admin.PostAsJsonAsync($"{Admin}/cards/{card.CardNumber}/block", new { reason = " ", idempotencyKey = "block-no-reason" });

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["reason"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal("active", await app.QueryScalarAsync<string>("SELECT status FROM cards WHERE card_number = $1", card.CardNumber));
    }
}
