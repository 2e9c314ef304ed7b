using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Loyalty.TerminalClient;

/// <summary>
/// One terminal API round trip: JSON in, status and JSON out, and every failure turned into a
/// <see cref="TerminalApiException"/> (a missing answer included), so callers handle one exception type.
/// </summary>
internal sealed class TerminalHttp
{
    private const string BasePath = "api/terminal/v1/";
    private readonly HttpClient _http;
    private readonly Uri _base;

    public TerminalHttp(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the frontend's root URL).", nameof(http));

        // Relative URIs replace the last segment of a base without a trailing slash; a base like https://host/loyalty
        // must keep its path.
        _base = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        _http = http;
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(
        HttpMethod method, string path, object? body, string? deviceToken, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, BasePath + path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (deviceToken is not null)
        {
            // Per request rather than on DefaultRequestHeaders: the HttpClient may be shared.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deviceToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: TerminalJson.Options);
        }

        HttpResponseMessage response;
        JsonElement json;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
            json = await ReadAsync(response.Content, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new TerminalApiException(TerminalProblem.NoAnswer(exception.Message), idempotencyKey, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, not the caller's cancellation: the request may or may not have been applied.
            throw new TerminalApiException(TerminalProblem.NoAnswer("The request timed out."), idempotencyKey, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return (status, json);
            }

            var problem = TerminalProblem.From(status, json.ValueKind == JsonValueKind.Undefined ? null : json, RetryAfter(response));
            throw new TerminalApiException(problem, idempotencyKey);
        }
    }

    public static T Read<T>(JsonElement body) =>
        body.Deserialize<T>(TerminalJson.Options) ?? throw new TerminalApiException(
            TerminalProblem.From(200, null) with { Code = "unexpected-response", Detail = $"The answer is not a {typeof(T).Name}." });

    private static async Task<JsonElement> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = await content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the status alone must do.
            return default;
        }
    }

    // The frontend sends Retry-After in seconds; the date form would need the server's clock to agree with ours.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;
}
