using System.Globalization;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// Serves every request on the cluster port (see <see cref="ClusterProtocol"/>): checks the secret, the route, the
/// size and the deadline, reads the call and runs it through the runtime. Whatever a sender sends, the answer is a
/// status with an error envelope, never a crash.
/// </summary>
internal sealed partial class ClusterCallHandler(
    IInboundCallHandler runtime,
    ClusterSecret secret,
    IOptions<ClusterTransportOptions> options,
    TimeProvider time,
    ILogger<ClusterCallHandler> logger)
{
    private readonly long _maxBodySize = options.Value.MaxRequestBodySize;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!secret.Matches(SingleHeader(request, ClusterProtocol.SecretHeader)))
        {
            LogRefused(logger, context.Connection.RemoteIpAddress?.ToString(), context.Connection.RemotePort, request.Path);
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, typeof(UnauthorizedAccessException),
                $"The request does not carry this cluster's secret: every silo and client needs the same {ClusterTransportOptions.SecretKey}.");
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || !request.Path.Equals(ClusterProtocol.CallsPath, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, typeof(KeyNotFoundException), $"The cluster port has no route {request.Method} {request.Path}.");
            return;
        }

        if (!TryReadHeaders(request, out var deadline, out var hops, out var headerError))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, typeof(FormatException), headerError);
            return;
        }

        try
        {
            await HandleCallAsync(context, deadline, hops);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody is left to answer.
        }
    }

    private async Task HandleCallAsync(HttpContext context, DateTimeOffset deadline, int hops)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, typeof(InvalidOperationException),
                $"The request is larger than this silo's limit of {_maxBodySize} bytes ({ClusterTransportOptions.MaxRequestBodySizeKey}).");
            return;
        }

        CallBody call;
        try
        {
            call = CallBody.Read(body);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, typeof(JsonException), ex.Message);
            return;
        }
        catch (ArgumentException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, typeof(ArgumentException), ex.Message);
            return;
        }
        catch (KeyNotFoundException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, ex.GetType(), ex.Message);
            return;
        }

        var callName = $"{call.Target}.{call.Request.MethodName}";
        LogReceived(logger, callName, SingleHeader(context.Request, ClusterProtocol.TraceParentHeader));
        if (deadline <= time.GetUtcNow())
        {
            await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, typeof(GrainCallTimeoutException),
                $"Call {callName} arrived after its deadline {deadline:O}: it was not run.");
            return;
        }

        byte[] answer;
        try
        {
            answer = await CallResult.InvokeAsync(call, runtime, deadline, hops);
        }
        catch (Exception ex)
        {
            await WriteErrorAsync(context, ErrorEnvelope.StatusOf(ex), ex.GetType(), ex.Message);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, answer);
    }

    /// <summary>The body, or null when it is larger than the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBodySize)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _maxBodySize;
        }

        try
        {
            using var buffer = new MemoryStream((int)(context.Request.ContentLength ?? 0));
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static bool TryReadHeaders(HttpRequest request, out DateTimeOffset deadline, out int hops, out string error)
    {
        (deadline, hops, error) = (default, 0, string.Empty);
        if (!long.TryParse(SingleHeader(request, ClusterProtocol.DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs)
            || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            error = $"{ClusterProtocol.DeadlineHeader} must be the call's deadline in Unix milliseconds.";
            return false;
        }

        deadline = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        if (SingleHeader(request, ClusterProtocol.HopsHeader) is { } hopsValue
            && !int.TryParse(hopsValue, NumberStyles.None, CultureInfo.InvariantCulture, out hops))
        {
            error = $"{ClusterProtocol.HopsHeader} must be a number of silos (0 or more).";
            return false;
        }

        return true;
    }

    private static string? SingleHeader(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static Task WriteErrorAsync(HttpContext context, int status, Type exceptionType, string message) =>
        WriteAsync(context, status, ErrorEnvelope.Write(exceptionType.FullName!, message));

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ClusterProtocol.JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cluster request from {RemoteAddress}:{RemotePort} to {Path}: no or wrong cluster secret")]
    private static partial void LogRefused(ILogger logger, string? remoteAddress, int remotePort, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Received {Call}, traceparent {TraceParent}")]
    private static partial void LogReceived(ILogger logger, string call, string? traceParent);
}
