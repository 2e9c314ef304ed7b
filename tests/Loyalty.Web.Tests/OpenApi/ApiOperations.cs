using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.OpenApi;

/// <summary>The API's operations as the app routes them and as its OpenAPI document declares them, keyed "METHOD /path/{param}".</summary>
internal static partial class ApiOperations
{
    /// <summary>The routed endpoints of both APIs, by operation key.</summary>
    public static Dictionary<string, RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Key: Key(method, e.RoutePattern.RawText!), Endpoint: e)))
            .ToDictionary(e => e.Key, e => e.Endpoint, StringComparer.Ordinal);

    /// <summary>The operations of the OpenAPI document, by operation key.</summary>
    public static Dictionary<string, JsonElement> Documented(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Key: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .ToDictionary(o => o.Key, o => o.Operation, StringComparer.Ordinal);

    /// <summary>The statuses an operation declares.</summary>
    public static HashSet<int> Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>"GET /api/admin/v1/merchants/{merchantId}" for a route "/api/admin/v1/merchants/{merchantId:guid}".</summary>
    public static string Key(string method, string routePattern) =>
        $"{method.ToUpperInvariant()} {Constraint().Replace(routePattern.TrimEnd('/'), "{$1}")}";

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
