using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// A request to one endpoint, kept in parts so that a fuzz case can replace one of them: a route value, a query value,
/// the body (as JSON or as raw text) or the bearer token.
/// </summary>
internal sealed record ApiRequest(string Method, string Route, IReadOnlyDictionary<string, string> RouteValues, JsonNode? Body, string? Token)
{
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The scheme <see cref="Token"/> is sent with: <c>Bearer</c>, or <c>ApplePass</c> for Apple Wallet's web service.</summary>
    public string Scheme { get; init; } = "Bearer";

    /// <summary>Sent instead of <see cref="Body"/> when set: malformed JSON, duplicate keys, oversized bodies.</summary>
    public string? RawBody { get; init; }

    /// <summary>The Authorization header as sent, when a case replaces it whole (another scheme, an empty token).</summary>
    public string? RawAuthorization { get; init; }

    public string Key => $"{Method} {Route}";

    public string Path
    {
        get
        {
            var path = RouteValues.Aggregate(Route, (route, value) => route.Replace($"{{{value.Key}}}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));
            return Query.Count == 0
                ? path
                : path + "?" + string.Join('&', Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        }
    }

    public ApiRequest WithRouteValue(string name, string value) =>
        this with { RouteValues = new Dictionary<string, string>(RouteValues) { [name] = value } };

    public ApiRequest WithQueryValue(string name, string value) =>
        this with { Query = new Dictionary<string, string>(Query) { [name] = value } };

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        var body = RawBody ?? Body?.ToJsonString();
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");

            // Lets the server refuse an oversized body before it is sent, instead of resetting the connection mid-way.
            message.Headers.ExpectContinue = body.Length > 64 * 1024;
        }

        if (RawAuthorization is not null)
            message.Headers.TryAddWithoutValidation("Authorization", RawAuthorization);
        else if (Token is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue(Scheme, Token);
        return message;
    }
}
