using Loyalty.Web.Admin;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.Terminal;
using Loyalty.Web.Tests.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>One endpoint of the terminal or admin API or the Apple Wallet web service, as the running app routes it.</summary>
/// <param name="Route">The route without constraints, as the OpenAPI document spells it (<c>/api/admin/v1/stores/{storeId}/staff</c>).</param>
internal sealed record ApiEndpoint(string Method, string Route, IReadOnlyList<string> RouteParameters, bool AcceptsBody)
{
    public string Key => $"{Method} {Route}";

    public bool IsAdmin => Route.StartsWith(AdminApiEndpoints.BasePath + "/", StringComparison.Ordinal);

    /// <summary>Apple's PassKit web service: another pass's token is 401 there, as Apple's contract says.</summary>
    public bool IsAppleWallet => Route.StartsWith(AppleWalletEndpoints.BasePath + "/", StringComparison.Ordinal);
}

/// <summary>
/// Every endpoint of both APIs, read from the app's <see cref="EndpointDataSource"/> (through <see cref="ApiOperations"/>):
/// an endpoint added tomorrow is in this list without anyone touching the tests, and the hardening tests fail until it
/// has its cases.
/// </summary>
internal static class ApiEndpoints
{
    public static IReadOnlyList<ApiEndpoint> List(IServiceProvider services) =>
    [
        .. ApiOperations.Endpoints(services)
            .Where(e => e.Key.Contains(' ' + AdminApiEndpoints.BasePath + '/', StringComparison.Ordinal) || e.Key.Contains(' ' + TerminalApiEndpoints.BasePath + '/', StringComparison.Ordinal)
                || e.Key.Contains(' ' + AppleWalletEndpoints.BasePath + '/', StringComparison.Ordinal))
            .Select(e => new ApiEndpoint(
                e.Key[..e.Key.IndexOf(' ', StringComparison.Ordinal)],
                e.Key[(e.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..],
                [.. e.Value.RoutePattern.Parameters.Select(p => p.Name)],
                e.Value.Metadata.GetMetadata<IAcceptsMetadata>() is not null))
            .OrderBy(e => e.Key, StringComparer.Ordinal),
    ];
}
