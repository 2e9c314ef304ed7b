using System.Reflection;
using System.Text.Json;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.OpenApi;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;
using Loyalty.Web.Tests.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;

namespace Loyalty.Web.Tests.OpenApi;

/// <summary>
/// Every endpoint declares the answers that its pipeline makes possible: what the route group's authentication, rate
/// limiting, body binding, tenant checks and grain calls can answer, whatever the handler itself does.
/// </summary>
public sealed class OpenApiDeclaredAnswersTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Document_EveryApiEndpoint_IsDocumentedAndNothingElse()
    {
        var documented = ApiOperations.Documented(await DocumentAsync());
        var routed = ApiOperations.Endpoints(app.Services);

        Assert.Empty(routed.Keys.Except(documented.Keys));
        Assert.Empty(documented.Keys.Except(routed.Keys));
    }

    [Fact]
    public async Task Document_EveryOperation_DeclaresTheAnswersItsPipelineCanGive()
    {
        var documented = ApiOperations.Documented(await DocumentAsync());
        var missing = new List<string>();
        foreach (var (key, endpoint) in ApiOperations.Endpoints(app.Services))
        {
            var declared = ApiOperations.Statuses(documented[key]);
            void Expect(bool when, int status, string why)
            {
                if (when && !declared.Contains(status))
                    missing.Add($"{key} does not declare {status} ({why})");
                if (!when && declared.Contains(status))
                    missing.Add($"{key} declares {status}, which it cannot answer ({why})");
            }

            var metadata = endpoint.Metadata;
            Expect(true, 503, "every endpoint reads the database or calls a grain");
            Expect(metadata.GetMetadata<ApiSecurity>() is not null, 401, "a bearer token is required");
            Expect(metadata.GetMetadata<EnableRateLimitingAttribute>() is not null || metadata.GetMetadata<RateLimitedInHandlerMetadata>() is not null, 429, "rate limited");
            if (metadata.GetMetadata<IAcceptsMetadata>() is not null)
                Expect(true, 400, "a body that may be malformed");
            // Apple's PassKit contract has no 403: a pass's token opens that pass only, and another pass's token is 401.
            if (key.Contains('{', StringComparison.Ordinal) && !key.Contains(' ' + AppleWalletEndpoints.BasePath + '/', StringComparison.Ordinal))
                Expect(true, 403, "the path names an entity that may belong to another merchant or store");
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Endpoints_WhoseRequestCarriesAnIdempotencyKey_AreMarkedSoTheir503SaysSo()
    {
        var wrong = ApiOperations.Endpoints(app.Services)
            .Where(e => CarriesIdempotencyKey(e.Value.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)
                != (e.Value.Metadata.GetMetadata<IdempotencyKeyMetadata>() is not null))
            .Select(e => e.Key)
            .ToList();

        Assert.Empty(wrong);
        Assert.Contains("POST /api/terminal/v1/sync", ApiOperations.Endpoints(app.Services)
            .Where(e => e.Value.Metadata.GetMetadata<IdempotencyKeyMetadata>() is not null).Select(e => e.Key));
    }

    // A request record with an IdempotencyKey property, or a list of such records (the /sync queue).
    private static bool CarriesIdempotencyKey(Type? request) =>
        request is not null && request.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            p.Name == "IdempotencyKey"
            || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericArguments().Any(a => a.GetProperty("IdempotencyKey") is not null)));

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateClient(bearerToken: null);
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }
}
