using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Loyalty.Web.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem+json: an unreadable request is a 4xx with its code, a failure
/// that a retry resolves is a 503 with Retry-After (and, where the request has one, "retry with the same idempotency key"), anything else is a logged 500
/// that says nothing about internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer and nothing went wrong here.
            LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } missing => new ValidationProblem().Add("body", missing.Message).ToResult(),
            BadHttpRequestException bad => Problem.Create(
                bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), "The request could not be read", bad.Message),
            _ when IsRetryable(exception) => RetryLater(httpContext),
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

    /// <summary>
    /// Failures the cluster resolves by itself on a retry: a silo that cannot take calls or went away, a call past its
    /// deadline, no gateway to reach, a state write that lost a version race (the grain reloads), or the database being
    /// unreachable. Card operations carry idempotency keys, so retrying them with the same key is always safe.
    /// </summary>
    public static bool IsRetryable(Exception exception) => exception is
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException
        or ClientNotAvailableException or GatewayTooBusyException
        or InconsistentStateException or Npgsql.NpgsqlException or TimeoutException;

    private static IResult RetryLater(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problem.Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "Temporarily unavailable", RetryAdvice(context));
    }

    /// <summary>What a caller should do after a 503: it depends on whether the request has an idempotency key.</summary>
    public static string RetryAdvice(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The exception handler middleware clears the endpoint before handlers run; its feature keeps the original.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IdempotencyKeyMetadata>() is not null)
            return "Retry shortly with the same idempotency key: a change that was made is answered, not made twice.";
        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? "Retry shortly."
            : "Retry shortly. The change may have been made: check before sending it again.";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} aborted by the client")]
    private static partial void LogAborted(ILogger logger, string method, string path);

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
