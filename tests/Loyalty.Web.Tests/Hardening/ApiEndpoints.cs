using System.Text.RegularExpressions;
using Loyalty.Web.Admin;
using Loyalty.Web.Terminal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>One endpoint of the terminal or admin API, as the running app routes it.</summary>
/// <param name="Route">The route without constraints, as the OpenAPI document spells it (<c>/api/admin/v1/stores/{storeId}/staff</c>).</param>
internal sealed record ApiEndpoint(string Method, string Route, IReadOnlyList<string> RouteParameters, bool AcceptsBody)
{
    public string Key => $"{Method} {Route}";

    public bool IsAdmin => Route.StartsWith(AdminApiEndpoints.BasePath + "/", StringComparison.Ordinal);
}

/// <summary>
/// Every endpoint of both APIs, read from the app's <see cref="EndpointDataSource"/>: an endpoint added tomorrow is in
/// this list without anyone touching the tests, and the hardening tests fail until it has its cases.
/// </summary>
internal static partial class ApiEndpoints
{
    public static IReadOnlyList<ApiEndpoint> List(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && (raw.StartsWith(AdminApiEndpoints.BasePath + "/", StringComparison.Ordinal) || raw.StartsWith(TerminalApiEndpoints.BasePath + "/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new ApiEndpoint(
                method,
                Constraint().Replace(e.RoutePattern.RawText!, "{$1}"),
                [.. e.RoutePattern.Parameters.Select(p => p.Name)],
                e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .OrderBy(e => e.Key, StringComparer.Ordinal),
    ];

    // {merchantId:guid} → {merchantId}
    [GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Constraint();
}
