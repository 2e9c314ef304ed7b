using System.Net;
using System.Text;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>Garbage on every endpoint with a body is a 4xx problem+json, never a 500.</summary>
public sealed class MalformedRequestTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "pair", "{" },
        { "pair", "[]" },
        { "pair", "null" },
        { "pair", """{"code":12345678,"deviceName":"Till"}""" },
        { "pair", """{"code":"ABCDEFGH","deviceName":"Till","extra":1}""" },
        { "verify", "{\"pin\":" },
        { "verify", """{"pin":4821}""" },
        { "verify", """{"pin":["4821"]}""" },
        { "verify", """{"pin":"4821","pinHash":"x"}""" },
        { "failed-attempts", "not json" },
        { "failed-attempts", """{"count":"3","lastAttemptAt":"2026-03-02T10:00:00+00:00"}""" },
        { "failed-attempts", """{"count":1.5,"lastAttemptAt":"2026-03-02T10:00:00+00:00"}""" },
        { "failed-attempts", """{"count":99999999999,"lastAttemptAt":"2026-03-02T10:00:00+00:00"}""" },
        { "failed-attempts", """{"count":3,"lastAttemptAt":"yesterday"}""" },
        { "failed-attempts", """{"count":3,"lastAttemptAt":"2026-03-02T10:00:00+00:00","reason":"x"}""" },
        { "failed-attempts", "{}" },
        { "staff", "{\"name\":" },
        { "staff", """{"name":"Alex","pin":4821}""" },
        { "staff", """{"name":{"first":"Alex"},"pin":"4821"}""" },
        { "staff", """{"name":"Alex","pin":"4821","role":"owner"}""" },
        { "pairing-codes", "{" },
        { "pairing-codes", """{"storeId":"x"}""" },
        { "pairing-codes", "[1]" },
    };

    public static TheoryData<string> Endpoints => ["pair", "verify", "failed-attempts", "staff", "pairing-codes"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_MalformedJson_IsValidationProblem(string endpoint, string json)
    {
        var (client, path) = await TargetAsync(endpoint);

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task Post_WrongTypeForPin_NamesTheField()
    {
        var (client, path) = await TargetAsync("verify");

        var response = await client.PostAsync(path, new StringContent("""{"pin":4821}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["pin"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_HugeBody_IsPayloadTooLarge(string endpoint)
    {
        var (client, path) = await TargetAsync(endpoint);
        var huge = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        // Expect: 100-continue lets the server refuse before the body is sent; without it the server may close the
        // connection while the client is still writing 2 MB, and the client then sees a reset instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_NotJson_IsUnsupportedMediaType(string endpoint)
    {
        var (client, path) = await TargetAsync(endpoint);

        var response = await client.PostAsync(path, new StringContent("pin=4821", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAssert.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    private async Task<(HttpClient Client, string Path)> TargetAsync(string endpoint)
    {
        var store = await app.CreateStoreAsync();
        if (endpoint is "staff" or "pairing-codes")
            return (app.Admin(), $"/api/admin/v1/stores/{store.StoreId}/{endpoint}");
        if (endpoint == "pair")
            return (app.Device(token: null), TerminalApp.PairPath);
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var device = await app.PairAsync(store.StoreId);
        return (app.Device(device.Token), $"/api/terminal/v1/staff/{pinId}/{endpoint}");
    }
}
