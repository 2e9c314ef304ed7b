using Loyalty.Web.Problems;

namespace Loyalty.Web.Terminal;

/// <summary>
/// What a terminal operation answers: a status and a body (a problem for errors). The single endpoints send it as the
/// response; <c>/sync</c> puts it, unchanged, in the operation's result: "each exactly what the single endpoint would
/// have answered".
/// </summary>
public sealed record TerminalAnswer(int Status, object Body)
{
    /// <summary>Seconds for the <c>Retry-After</c> header of a single endpoint's answer (in <c>/sync</c>, the body says it).</summary>
    public int? RetryAfter { get; init; }

    public bool IsProblem => Body is Microsoft.AspNetCore.Mvc.ProblemDetails;

    public static TerminalAnswer Ok(object body) => new(StatusCodes.Status200OK, body);

    public static TerminalAnswer Created(object body) => new(StatusCodes.Status201Created, body);

    public static TerminalAnswer Problem(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        new(status, Problems.Problem.Details(status, code, title, detail, extensions));

    public static TerminalAnswer Invalid(ValidationProblem validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(StatusCodes.Status400BadRequest, validation.ToDetails());
    }

    /// <summary>The contract's 429 <c>rate-limited</c>, with <c>retryAfter</c> in the body and the header.</summary>
    public static TerminalAnswer RateLimited(int seconds) =>
        Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests", $"Retry after {seconds} seconds.",
            new Dictionary<string, object?> { ["retryAfter"] = seconds }) with { RetryAfter = seconds };

    public void WriteHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RetryAfter is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public IResult ToResult() => IsProblem
        ? Results.Problem((Microsoft.AspNetCore.Mvc.ProblemDetails)Body)
        : Results.Json(Body, statusCode: Status);
}
