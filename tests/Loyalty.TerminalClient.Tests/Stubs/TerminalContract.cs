using System.Text.Json;
using System.Text.RegularExpressions;

namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>
/// The terminal API v1 as written in the shared contract: for each endpoint its method, path and the JSON fields a
/// request must and may carry. <see cref="Check"/> fails on anything else (a wrong path, a PascalCase name, a field
/// the strict server would refuse).
/// </summary>
public static partial class TerminalContract
{
    public const string Base = "/api/terminal/v1/";

    private static readonly Endpoint[] Endpoints =
    [
        new("POST", PairPath(), ["code", "deviceName"], [], Authenticated: false),
        new("GET", StaffPath(), [], []),
        new("POST", VerifyPath(), ["pin"], []),
        new("POST", FailedAttemptsPath(), ["count", "lastAttemptAt"], []),
        new("POST", EnrollmentsPath(), ["programId", "email", "name", "pinId", "idempotencyKey"], ["phone", "birthday", "locale", "occurredAt"]),
        new("GET", CardPath(), [], []),
        new("POST", StampsPath(), ["count", "pinId", "idempotencyKey"], ["occurredAt"]),
        new("POST", StampRedemptionsPath(), ["pinId", "idempotencyKey"], ["occurredAt"]),
        new("POST", PointsPath(), ["purchaseAmountMinor", "currency", "pinId", "idempotencyKey"], ["occurredAt"]),
        new("POST", PointRedemptionsPath(), ["rewardId", "pinId", "idempotencyKey"], ["occurredAt"]),
        new("POST", SyncPath(), ["operations"], []),
    ];

    // Per sync kind: the single endpoint's fields plus kind and deviceSeq (and cardNumber for card operations).
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> SyncKinds = new(StringComparer.Ordinal)
    {
        ["enrollment"] = (["kind", "deviceSeq", "programId", "email", "name", "pinId", "idempotencyKey"], ["phone", "birthday", "locale", "occurredAt"]),
        ["stamp"] = (["kind", "deviceSeq", "cardNumber", "count", "pinId", "idempotencyKey"], ["occurredAt"]),
        ["stampRedemption"] = (["kind", "deviceSeq", "cardNumber", "pinId", "idempotencyKey"], ["occurredAt"]),
        ["points"] = (["kind", "deviceSeq", "cardNumber", "purchaseAmountMinor", "currency", "pinId", "idempotencyKey"], ["occurredAt"]),
        ["pointRedemption"] = (["kind", "deviceSeq", "cardNumber", "rewardId", "pinId", "idempotencyKey"], ["occurredAt"]),
    };

    /// <summary>Throws <see cref="ContractViolationException"/> unless the request is one the contract describes.</summary>
    public static void Check(RecordedRequest request, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = Endpoints.FirstOrDefault(e => e.Method == request.Method.Method && e.Path.IsMatch(request.Path))
            ?? throw new ContractViolationException($"No contract endpoint {request.Method} {request.Path}.");
        if (endpoint.Authenticated != (request.BearerToken is not null))
        {
            throw new ContractViolationException($"{request.Path}: Authorization: Bearer is {(endpoint.Authenticated ? "required" : "not sent")} here.");
        }

        if (request.Method == HttpMethod.Get)
        {
            return;
        }

        if (contentType != "application/json" || request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw new ContractViolationException($"{request.Path}: the body must be a JSON object sent as application/json.");
        }

        Fields(request.Path, body, endpoint.Required, endpoint.Optional);
        if (endpoint.Path.ToString() == SyncPath().ToString())
        {
            foreach (var operation in body.GetProperty("operations").EnumerateArray())
            {
                var kind = operation.GetProperty("kind").GetString()!;
                var (required, optional) = SyncKinds.TryGetValue(kind, out var fields) ? fields : throw new ContractViolationException($"Unknown sync kind {kind}.");
                Fields($"{request.Path} {kind}", operation, required, optional);
            }
        }
    }

    private static void Fields(string where, JsonElement body, string[] required, string[] optional)
    {
        var names = body.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = required.Where(r => !names.Contains(r)).ToList();
        var unknown = names.Where(n => !required.Contains(n) && !optional.Contains(n)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new ContractViolationException($"{where}: missing [{string.Join(", ", missing)}], not in the contract [{string.Join(", ", unknown)}].");
        }
    }

    private sealed record Endpoint(string Method, Regex Path, string[] Required, string[] Optional, bool Authenticated = true);

    [GeneratedRegex("^pair$")]
    private static partial Regex PairPath();

    [GeneratedRegex("^staff$")]
    private static partial Regex StaffPath();

    [GeneratedRegex("^staff/[0-9a-f-]{36}/verify$")]
    private static partial Regex VerifyPath();

    [GeneratedRegex("^staff/[0-9a-f-]{36}/failed-attempts$")]
    private static partial Regex FailedAttemptsPath();

    [GeneratedRegex("^enrollments$")]
    private static partial Regex EnrollmentsPath();

    [GeneratedRegex("^cards/[0-9]{16}$")]
    private static partial Regex CardPath();

    [GeneratedRegex("^cards/[0-9]{16}/stamps$")]
    private static partial Regex StampsPath();

    [GeneratedRegex("^cards/[0-9]{16}/stamp-redemptions$")]
    private static partial Regex StampRedemptionsPath();

    [GeneratedRegex("^cards/[0-9]{16}/points$")]
    private static partial Regex PointsPath();

    [GeneratedRegex("^cards/[0-9]{16}/point-redemptions$")]
    private static partial Regex PointRedemptionsPath();

    [GeneratedRegex("^sync$")]
    private static partial Regex SyncPath();
}
