using System.Text.Json;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// A response read for the hardening checks. <c>/sync</c> answers 200 with one result per operation, each what the
/// single endpoint would have answered: those results are the answers that count.
/// </summary>
internal sealed record ApiAnswer(int Status, IReadOnlyList<int> OperationStatuses, IReadOnlyList<string> Defects, string Text)
{
    /// <summary>A 2xx whose operations (for <c>/sync</c>) were not all refused.</summary>
    public bool Accepted => Status is >= 200 and < 300 && (OperationStatuses.Count == 0 || OperationStatuses.Any(s => s < 400));

    /// <summary>The statuses that decide: the operations' for <c>/sync</c>, else the response's.</summary>
    public IReadOnlyList<int> DecidingStatuses => OperationStatuses.Count > 0 ? OperationStatuses : [Status];

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var defects = new List<string>();
        var operations = new List<int>();
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                defects.Add($"{status} is {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not application/problem+json");
            else
                CheckProblem(Parse(text), status, "the response", defects);
        }
        else if (Parse(text) is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                var operationStatus = result.GetProperty("status").GetInt32();
                operations.Add(operationStatus);
                if (operationStatus >= 400)
                    CheckProblem(result.GetProperty("body"), operationStatus, "an operation's result", defects);
            }
        }

        if (status >= 500 || operations.Any(s => s >= 500))
            defects.Insert(0, $"server error {string.Join('/', operations.Prepend(status))}");
        return new ApiAnswer(status, operations, defects, text.Length > 300 ? text[..300] : text);
    }

    private static void CheckProblem(JsonElement problem, int status, string where, List<string> defects)
    {
        if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString() is not { Length: > 0 })
            defects.Add($"{where} is a problem without a machine code");
        else if (!problem.TryGetProperty("status", out var stated) || stated.ValueKind != JsonValueKind.Number || stated.GetInt32() != status)
            defects.Add($"{where} is a problem whose status is not {status}");
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
