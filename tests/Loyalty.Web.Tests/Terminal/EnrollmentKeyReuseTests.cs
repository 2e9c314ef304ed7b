using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>
/// An enrolment whose idempotency key the merchant used before for another request is <c>409 idempotency-key-reused</c>
/// and creates no card: not a 503 that no retry can ever get past.
/// </summary>
public sealed class EnrollmentKeyReuseTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task Enroll_KeyOfAnotherCustomersEnrolment_IsKeyReusedEveryTimeAndCreatesNoCard()
    {
        var card = await app.CreateCardAsync();
        using var device = app.Device(card.Device.Token);
        var first = new { programId = card.ProgramId, email = "ava@example.com", name = "Ava Muller", pinId = card.PinId, idempotencyKey = "shared-key" };
        var created = await device.PostAsJsonAsync("/api/terminal/v1/enrollments", first);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var other = first with { email = "ben@example.com", name = "Ben Muller" };
        var refused = await device.PostAsJsonAsync("/api/terminal/v1/enrollments", other);
        var again = await device.PostAsJsonAsync("/api/terminal/v1/enrollments", other);

        await ProblemAssert.AssertAsync(refused, HttpStatusCode.Conflict, "idempotency-key-reused");
        await ProblemAssert.AssertAsync(again, HttpStatusCode.Conflict, "idempotency-key-reused");
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE customer_email = $1", "ben@example.com"));
        var replay = await device.PostAsJsonAsync("/api/terminal/v1/enrollments", first);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString(),
            (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString());
    }

    [Fact]
    public async Task Enroll_KeyOfAStamp_IsKeyReused()
    {
        var card = await app.CreateCardAsync();
        using var device = app.Device(card.Device.Token);
        var stamped = await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = "stamp-key" });
        Assert.Equal(HttpStatusCode.OK, stamped.StatusCode);

        var enrolled = await device.PostAsJsonAsync(
            "/api/terminal/v1/enrollments",
            new { programId = card.ProgramId, email = "cleo@example.com", name = "Cleo Weber", pinId = card.PinId, idempotencyKey = "stamp-key" });

        await ProblemAssert.AssertAsync(enrolled, HttpStatusCode.Conflict, "idempotency-key-reused");
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE customer_email = $1", "cleo@example.com"));
    }
}
