using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Loyalty.Web.Tests.OpenApi;

/// <summary>
/// Sends requests to named operations and records which status each operation answered, and whether that was the
/// status the test meant to drive it into.
/// </summary>
internal sealed class AnswerRecorder(Func<string?, HttpClient> clients)
{
    private readonly List<string> _surprises = [];

    public HashSet<(string Operation, int Status)> Driven { get; } = [];

    public IReadOnlyList<string> Surprises => _surprises;

    /// <summary>
    /// Sends <paramref name="method"/> to <paramref name="template"/> ("/api/.../{cardNumber}/stamps?page=0"), whose
    /// placeholders take <paramref name="values"/> in order; <paramref name="body"/> is JSON text or an object to serialize.
    /// </summary>
    public Task<JsonElement> SendAsync(int expected, string method, string template, string? token, object? body = null, params object[] values) =>
        SendWithHeadersAsync(expected, method, template, token, new Dictionary<string, string>(), body, values);

    /// <summary><see cref="SendAsync"/> with request headers (If-Modified-Since, ...).</summary>
    public async Task<JsonElement> SendWithHeadersAsync(
        int expected, string method, string template, string? token, IReadOnlyDictionary<string, string> headers, object? body = null, params object[] values)
    {
        var path = template;
        foreach (var value in values)
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            path = path[..start] + Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) + path[(path.IndexOf('}', start) + 1)..];
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body switch
            {
                null => null,
                string json => new StringContent(json, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body),
            },
        };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var client = clients(token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var operation = $"{method} {template.Split('?')[0]}";
        Driven.Add((operation, (int)response.StatusCode));
        if ((int)response.StatusCode != expected)
            _surprises.Add($"{operation} ({path}): expected {expected}, got {(int)response.StatusCode} {text}");
        // A pass (application/vnd.apple.pkpass) is not JSON.
        var isJson = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return text.Length == 0 || !isJson ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }
}
