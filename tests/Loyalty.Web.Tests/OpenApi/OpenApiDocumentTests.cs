using System.Net;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.OpenApi;

public sealed class OpenApiDocumentTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task GetDocument_Anonymous_DescribesTheApisWithTheirSecuritySchemes()
    {
        using var client = app.CreateClient(bearerToken: null);

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("Loyalty API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", root.GetProperty("info").GetProperty("version").GetString());
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        foreach (var scheme in new[] { "adminToken", "deviceToken" })
        {
            Assert.Equal("http", schemes.GetProperty(scheme).GetProperty("type").GetString());
            Assert.Equal("bearer", schemes.GetProperty(scheme).GetProperty("scheme").GetString());
        }

        var paths = root.GetProperty("paths");
        var stamps = paths.GetProperty("/api/terminal/v1/cards/{cardNumber}/stamps").GetProperty("post");
        Assert.Equal(["deviceToken"], SecuritySchemesOf(stamps));
        Assert.Equal("#/components/schemas/StampRequest", JsonBody(stamps.GetProperty("requestBody")).GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/StampResponse", JsonBody(stamps.GetProperty("responses").GetProperty("200")).GetProperty("$ref").GetString());
        foreach (var status in new[] { "400", "401", "403", "404", "409", "422", "423", "503" })
            Assert.True(stamps.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);

        var merchants = paths.GetProperty("/api/admin/v1/merchants").GetProperty("post");
        Assert.Equal(["adminToken"], SecuritySchemesOf(merchants));
        Assert.Equal("#/components/schemas/CreateMerchantRequest", JsonBody(merchants.GetProperty("requestBody")).GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/MerchantResponse", JsonBody(merchants.GetProperty("responses").GetProperty("201")).GetProperty("$ref").GetString());
        Assert.True(merchants.GetProperty("responses").TryGetProperty("409", out _));

        // Pairing is the one terminal endpoint without a device token; enrolment and PIN checks are rate limited.
        Assert.False(paths.GetProperty("/api/terminal/v1/pair").GetProperty("post").TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/api/terminal/v1/enrollments").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(paths.GetProperty("/api/admin/v1/merchants/{merchantId}/pin-lockout").TryGetProperty("put", out _));
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("CardBody").GetProperty("properties").TryGetProperty("cardNumber", out _));
        Assert.True(schemas.GetProperty("EnrollmentBody").GetProperty("properties").TryGetProperty("idempotencyKey", out _));

        // Requests refuse unknown fields; responses and problems may carry more (problems always carry a code).
        Assert.False(schemas.GetProperty("StampRequest").GetProperty("additionalProperties").GetBoolean());
        Assert.False(schemas.GetProperty("SyncOperation").GetProperty("additionalProperties").GetBoolean());
        Assert.False(schemas.GetProperty("StampResponse").TryGetProperty("additionalProperties", out _));
        Assert.False(schemas.GetProperty("ProblemDetails").TryGetProperty("additionalProperties", out _));
        Assert.Contains("code", schemas.GetProperty("ProblemDetails").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GetDocument_ListsEveryAdminAndTerminalEndpoint()
    {
        using var client = app.CreateClient(bearerToken: null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        string[] expected =
        [
            "POST /api/terminal/v1/pair", "GET /api/terminal/v1/staff", "POST /api/terminal/v1/staff/{pinId}/verify",
            "POST /api/terminal/v1/staff/{pinId}/failed-attempts", "POST /api/terminal/v1/enrollments", "GET /api/terminal/v1/cards/{cardNumber}",
            "POST /api/terminal/v1/cards/{cardNumber}/stamps", "POST /api/terminal/v1/cards/{cardNumber}/stamp-redemptions",
            "POST /api/terminal/v1/cards/{cardNumber}/points", "POST /api/terminal/v1/cards/{cardNumber}/point-redemptions",
            "POST /api/terminal/v1/sync",
            "GET /api/admin/v1/cluster", "POST /api/admin/v1/merchants", "GET /api/admin/v1/merchants/{merchantId}",
            "POST /api/admin/v1/merchants/{merchantId}/stores", "GET /api/admin/v1/merchants/{merchantId}/stores",
            "GET /api/admin/v1/merchants/{merchantId}/stores/{storeId}", "POST /api/admin/v1/merchants/{merchantId}/programs",
            "GET /api/admin/v1/merchants/{merchantId}/programs", "GET /api/admin/v1/merchants/{merchantId}/programs/{programId}",
            "GET /api/admin/v1/merchants/{merchantId}/audit-log", "GET /api/admin/v1/merchants/{merchantId}/pin-lockout",
            "PUT /api/admin/v1/merchants/{merchantId}/pin-lockout", "POST /api/admin/v1/stores/{storeId}/staff",
            "POST /api/admin/v1/stores/{storeId}/pairing-codes", "GET /api/admin/v1/stores/{storeId}/devices",
            "POST /api/admin/v1/devices/{deviceId}/revoke", "GET /api/admin/v1/cards/{cardNumber}",
            "GET /api/admin/v1/cards/{cardNumber}/transactions", "GET /api/admin/v1/cards/{cardNumber}/ledger-verification",
            "POST /api/admin/v1/cards/{cardNumber}/adjustments", "POST /api/admin/v1/cards/{cardNumber}/voids",
            "POST /api/admin/v1/cards/{cardNumber}/block", "POST /api/admin/v1/cards/{cardNumber}/unblock",
        ];
        Assert.Empty(expected.Except(operations));
    }

    private static IEnumerable<string> SecuritySchemesOf(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(p => p.Name));

    private static JsonElement JsonBody(JsonElement bodyOrResponse) =>
        bodyOrResponse.GetProperty("content").GetProperty("application/json").GetProperty("schema");
}
