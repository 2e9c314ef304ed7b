using System.Text.Json;
using Loyalty.Runtime.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace Loyalty.Web.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem+json: a malformed request is a 400, a silo that cannot
/// take the call now is a 503 (retry with the same idempotency key); anything else is a logged 500 that says nothing
/// about internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } missing => new ValidationProblem().Add("body", missing.Message).ToResult(),
            BadHttpRequestException bad => Problem.Create(bad.StatusCode, ProblemCodes.Validation, "The request is malformed", bad.Message),
            SiloUnavailableException or GrainCallTimeoutException => Problem.Create(
                StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "Temporarily unavailable", "Retry later with the same idempotency key."),
            _ => null,
        };
        if (result is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            result = Problem.Create(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "Internal error", $"Reference {httpContext.TraceIdentifier}.");
        }
        else
        {
            LogHandled(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    // The serializer's own message names .NET types; the client gets the JSON path and a plain explanation.
    private static IResult JsonProblem(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        return new ValidationProblem()
            .Add(field, "Not valid here: malformed JSON, a value of the wrong type, or a field this endpoint does not know.")
            .ToResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Exception} on {Method} {Path} answered as a problem")]
    private static partial void LogHandled(ILogger logger, string exception, string method, string path);
}
