using System.Text.Json;

namespace Loyalty.TerminalClient;

/// <summary>
/// An <c>application/problem+json</c> answer of the terminal API: the status, the machine <see cref="Code"/>, and the
/// extras some codes carry.
/// </summary>
/// <param name="Status">The HTTP status; <see langword="null"/> when the request got no answer.</param>
/// <param name="Code">The machine code (see <see cref="TerminalProblemCodes"/>).</param>
/// <param name="Title">The short human title.</param>
/// <param name="Detail">The human explanation.</param>
public sealed record TerminalProblem(int? Status, string Code, string? Title, string? Detail)
{
    /// <summary>With <c>pin-invalid</c>: failures left before the PIN locks.</summary>
    public int? AttemptsRemaining { get; init; }

    /// <summary>With <c>pin-locked</c>: when the lock ends.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>With <c>cooldown-active</c> and similar refusals: when the operation may succeed.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>With <c>429</c> and <c>503</c>: the <c>Retry-After</c> header (or the body's <c>retryAfter</c> seconds).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>With <c>validation</c>: messages per field (camelCase JSON names, as <c>operations[3].count</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; } = Empty;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Empty = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reads a problem from an error answer's body; a body that is not a problem still gives the status and a code.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The parsed body, if it was JSON.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> header, if any.</param>
    public static TerminalProblem From(int status, JsonElement? body, TimeSpan? retryAfter = null)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            // A proxy's HTML error page or an empty body: keep the status, invent nothing else.
            return new(status, CodeFor(status), null, null) { RetryAfter = retryAfter };
        }

        return new(status, String(json, "code") ?? CodeFor(status), String(json, "title"), String(json, "detail"))
        {
            AttemptsRemaining = json.TryGetProperty("attemptsRemaining", out var left) && left.TryGetInt32(out var n) ? n : null,
            LockedUntil = Time(json, "lockedUntil"),
            RetryAt = Time(json, "retryAt"),
            RetryAfter = retryAfter ?? (json.TryGetProperty("retryAfter", out var seconds) && seconds.TryGetInt32(out var s) ? TimeSpan.FromSeconds(s) : null),
            Errors = ErrorsOf(json),
        };
    }

    /// <summary>The problem of a request that got no answer at all.</summary>
    /// <param name="detail">What went wrong.</param>
    public static TerminalProblem NoAnswer(string detail) => new(null, TerminalProblemCodes.NoAnswer, "No answer", detail);

    private static string CodeFor(int status) => status switch
    {
        400 => TerminalProblemCodes.Validation,
        429 => TerminalProblemCodes.RateLimited,
        503 => TerminalProblemCodes.Unavailable,
        _ => $"http-{status}",
    };

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : null;

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ErrorsOf(JsonElement json)
    {
        if (!json.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                : [field.Value.ToString()];
        }

        return fields;
    }
}
