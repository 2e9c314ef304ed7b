using System.Net;
using System.Net.Http.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Cards;

public sealed class AdminCardChangeEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    // Found by the hardening fuzz test: a NUL in the reason reached PostgreSQL (503), and other control characters were
    // stored in the ledger, as the reason the customer sees.
    [Theory]
    [InlineData("adjustments", "Good\u0000will")]
    [InlineData("adjustments", "\u0001Goodwill")]
    [InlineData("voids", "Mis\u007Ftake")]
    public async Task Change_ReasonWithControlCharacter_IsValidationProblemAndChangesNothing(string change, string reason)
    {
        var card = await app.CreateCardAsync();
        var transactionId = await app.QueryScalarAsync<Guid>("SELECT transaction_id FROM ledger_entries WHERE card_number = $1", card.CardNumber);
        using var admin = app.Admin();
        object body = change == "adjustments"
            ? new { stampsDelta = 1, reason, idempotencyKey = "change" }
            : new { transactionId, reason, idempotencyKey = "change" };

        var response = await admin.PostAsJsonAsync($"/api/admin/v1/cards/{card.CardNumber}/{change}", body);

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["reason"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key = 'change'", card.CardNumber));
    }
}
