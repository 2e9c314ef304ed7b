using System.Net;
using System.Net.Http.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Cards;

/// <summary>
/// Answers that carry a customer's name, e-mail, phone or birthday, or a secret (device token, owner token, PIN hashes),
/// must not be kept by a browser or proxy: <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class PersonalDataCachingTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Terminal = "/api/terminal/v1";
    private const string Admin = "/api/admin/v1";

    [Fact]
    public async Task AdminCardAnswers_CustomerData_AreNoStore()
    {
        var card = await app.CreateCardAsync();
        using var admin = app.Admin();

        var body = await AssertNoStoreAsync(await admin.GetAsync($"{Admin}/cards/{card.CardNumber}"), HttpStatusCode.OK);
        Assert.Contains("+352 621 000 000", body, StringComparison.Ordinal);
        await AssertNoStoreAsync(await admin.GetAsync($"{Admin}/cards/{card.CardNumber}/transactions"), HttpStatusCode.OK);
        await AssertNoStoreAsync(await admin.GetAsync($"{Admin}/cards/{card.CardNumber}/ledger-verification"), HttpStatusCode.OK);
        await AssertNoStoreAsync(
            await admin.PostAsJsonAsync($"{Admin}/cards/{card.CardNumber}/adjustments", new { stampsDelta = 1, reason = "Goodwill", idempotencyKey = "adjust-1" }),
            HttpStatusCode.OK);
        await AssertNoStoreAsync(await admin.GetAsync($"{Admin}/merchants/{card.Store.MerchantId}/audit-log"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task TerminalCardAnswers_CustomerName_AreNoStore()
    {
        var card = await app.CreateCardAsync();
        using var device = app.Device(card.Device.Token);
        var enrolment = new { programId = card.ProgramId, email = $"{Guid.NewGuid():N}@example.com", name = "Jonas Klein", pinId = card.PinId, idempotencyKey = $"e-{Guid.NewGuid():N}" };

        var created = await AssertNoStoreAsync(await device.PostAsJsonAsync($"{Terminal}/enrollments", enrolment), HttpStatusCode.Created);
        var replayed = await AssertNoStoreAsync(await device.PostAsJsonAsync($"{Terminal}/enrollments", enrolment), HttpStatusCode.Created);
        Assert.Contains("Jonas Klein", created, StringComparison.Ordinal);
        Assert.Equal(created, replayed);
        Assert.Contains("Lena Weber", await AssertNoStoreAsync(await device.GetAsync($"{Terminal}/cards/{card.CardNumber}"), HttpStatusCode.OK), StringComparison.Ordinal);
        await AssertNoStoreAsync(
            await device.PostAsJsonAsync($"{Terminal}/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = $"s-{Guid.NewGuid():N}" }),
            HttpStatusCode.OK);
        var synced = await AssertNoStoreAsync(
            await device.PostAsJsonAsync($"{Terminal}/sync", new
            {
                operations = new[] { new { kind = "enrollment", deviceSeq = 1, programId = card.ProgramId, email = "sofia@example.com", name = "Sofia Rossi", pinId = card.PinId, idempotencyKey = $"q-{Guid.NewGuid():N}" } },
            }),
            HttpStatusCode.OK);
        Assert.Contains("Sofia Rossi", synced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretAnswers_TokensAndPinHashes_AreNoStore()
    {
        var store = await app.CreateStoreAsync();
        await app.CreatePinAsync(store.StoreId, "135790"); // six digits: shorter PINs get no offline verifier
        using var admin = app.Admin();
        using var anonymous = app.App.CreateClient(bearerToken: null);

        var paired = await AssertNoStoreAsync(
            await anonymous.PostAsJsonAsync($"{Terminal}/pair", new { code = await app.IssueCodeAsync(store.StoreId), deviceName = "Till" }), HttpStatusCode.Created);
        var deviceToken = System.Text.Json.JsonDocument.Parse(paired).RootElement.GetProperty("deviceToken").GetString();
        using var device = app.Device(deviceToken);
        Assert.Contains("$2b$", await AssertNoStoreAsync(await device.GetAsync($"{Terminal}/staff"), HttpStatusCode.OK), StringComparison.Ordinal);
        await AssertNoStoreAsync(await admin.PostAsJsonAsync($"{Admin}/merchants/{store.MerchantId}/owner-tokens", new { name = "Owner" }), HttpStatusCode.Created);
        await AssertNoStoreAsync(await admin.PostAsJsonAsync($"{Admin}/stores/{store.StoreId}/pairing-codes", new { }), HttpStatusCode.Created);

        // Refusals too: what the caller learns about a card or a token is nobody else's business.
        await AssertNoStoreAsync(await anonymous.GetAsync($"{Admin}/merchants"), HttpStatusCode.Unauthorized);
        await AssertNoStoreAsync(await device.GetAsync($"{Terminal}/cards/123"), HttpStatusCode.BadRequest);
    }

    private static async Task<string> AssertNoStoreAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage?.RequestUri} has Cache-Control '{response.Headers.CacheControl}'");
        return text;
    }
}
