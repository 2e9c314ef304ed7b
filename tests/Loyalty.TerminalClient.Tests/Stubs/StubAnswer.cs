namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>What the stub answers: a status, a JSON body (a problem for errors) and an optional Retry-After.</summary>
public sealed record StubAnswer(int Status, object? Body, TimeSpan? RetryAfter = null)
{
    public static StubAnswer Problem(int status, string code, object? extras = null) => new(status, ProblemBody(status, code, extras));

    public static Dictionary<string, object?> ProblemBody(int status, string code, object? extras = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://loyalty.invalid/problems/{code}",
            ["title"] = code,
            ["status"] = status,
            ["detail"] = $"detail of {code}",
            ["code"] = code,
        };
        foreach (var property in extras?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extras);
        }

        return body;
    }
}
