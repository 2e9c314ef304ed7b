using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>
/// An in-process stand-in for the frontend: every request is checked against <see cref="TerminalContract"/> and
/// recorded. <c>/sync</c> behaves like the server's idempotency (the first answer per key is replayed, another request
/// under a used key is 409); other endpoints answer what <see cref="Answer"/> says. Failures can be injected: a status
/// for chosen operations, a status for the whole sync, or an answer lost after the server applied the batch.
/// </summary>
public sealed class StubTerminalServer : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, (string Fingerprint, int Status, JsonElement Body)> _firstAnswers = new(StringComparer.Ordinal);
    private readonly List<string> _applied = [];

    public StubTerminalServer(string baseAddress = "http://terminal.test/") => BaseAddress = new Uri(baseAddress);

    public Uri BaseAddress { get; }

    /// <summary>The answer of non-sync endpoints; the default is 200 with an empty object.</summary>
    public Func<RecordedRequest, StubAnswer> Answer { get; set; } = _ => new StubAnswer(200, new { });

    /// <summary>A status forced on a sync operation (by its JSON), instead of applying it; null applies it.</summary>
    public Func<JsonElement, int?> ForceOperationStatus { get; set; } = _ => null;

    /// <summary>An answer for a whole sync, before anything is applied; null processes it.</summary>
    public Func<StubAnswer?> WholeSync { get; set; } = () => null;

    /// <summary>How many coming syncs are applied and then lose their answer (the connection drops).</summary>
    public int LoseAnswersAfterApplying { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Keys in the order the "server" applied them, each once.</summary>
    public IReadOnlyList<string> Applied
    {
        get
        {
            lock (_lock)
            {
                return [.. _applied];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Syncs => [.. Requests.Where(r => r.Path == "sync")];

    public HttpClient CreateClient() => new(this, disposeHandler: false) { BaseAddress = BaseAddress };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var prefix = BaseAddress.AbsolutePath.TrimEnd('/') + TerminalContract.Base;
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ContractViolationException($"{path} is not under {prefix}.");
        }

        JsonElement? body = request.Content is null ? null : JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        var recorded = new RecordedRequest(request.Method, path[prefix.Length..], request.Headers.Authorization is { Scheme: "Bearer" } auth ? auth.Parameter : null, body);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        TerminalContract.Check(recorded, request.Content?.Headers.ContentType?.MediaType);
        var answer = recorded.Path == "sync" ? WholeSync() ?? Sync(recorded.Body!.Value) : Answer(recorded);
        if (recorded.Path == "sync" && LoseAnswersAfterApplying > 0)
        {
            LoseAnswersAfterApplying--;
            throw new HttpRequestException("The connection was reset after the server applied the batch.");
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            Content = new StringContent(JsonSerializer.Serialize(answer.Body, Json), Encoding.UTF8, answer.Status >= 400 ? "application/problem+json" : "application/json"),
        };
        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        }

        return response;
    }

    private StubAnswer Sync(JsonElement body)
    {
        var operations = body.GetProperty("operations").EnumerateArray().OrderBy(o => o.GetProperty("deviceSeq").GetInt64()).ToList();
        var results = operations.Select(o => new { idempotencyKey = o.GetProperty("idempotencyKey").GetString(), result = Apply(o) })
            .Select(r => new { r.idempotencyKey, status = r.result.Status, body = r.result.Body })
            .ToList();
        return new StubAnswer(200, new { results });
    }

    private (int Status, JsonElement Body) Apply(JsonElement operation)
    {
        if (ForceOperationStatus(operation) is { } forced)
        {
            return (forced, JsonSerializer.SerializeToElement(StubAnswer.ProblemBody(forced, forced == 503 ? "unavailable" : $"forced-{forced}"), Json));
        }

        var key = operation.GetProperty("idempotencyKey").GetString()!;
        var fingerprint = string.Join('|', operation.EnumerateObject().Where(p => p.Name is not ("deviceSeq" or "occurredAt")).Select(p => $"{p.Name}={p.Value}"));
        lock (_lock)
        {
            if (_firstAnswers.TryGetValue(key, out var first))
            {
                return first.Fingerprint == fingerprint
                    ? (first.Status, first.Body)
                    : (409, JsonSerializer.SerializeToElement(StubAnswer.ProblemBody(409, "idempotency-key-reused"), Json));
            }

            _applied.Add(key);
            var answer = JsonSerializer.SerializeToElement(new { transactionId = Guid.NewGuid(), stamps = _applied.Count, rewardsAvailable = 0 }, Json);
            _firstAnswers[key] = (fingerprint, 200, answer);
            return (200, answer);
        }
    }
}
