using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Transport;

/// <summary>Sends grain calls to silos over HTTP/2 (see <see cref="ClusterProtocol"/> for the wire format).</summary>
internal sealed partial class HttpClusterTransport(ClusterSecret secret, TimeProvider time, ILogger<HttpClusterTransport> logger) : IClusterTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new(ClusterProtocol.JsonContentType);

    public async Task<TResult> SendAsync<TResult>(string address, OutboundCall call, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(request);
        var callName = $"{call.Target}.{request.MethodName}";
        var remaining = call.Deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            throw DeadlinePassed(callName, address, call.Deadline);
        }

        var traceParent = ClusterProtocol.CurrentTraceParent();
        using var message = CreateMessage(address, call, traceParent, new CallBody(call.Target, request, call.Chain).Write());
        LogSending(logger, callName, address, traceParent);
        using var deadline = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await ClusterHttpClient.Shared.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return ReadAnswer<TResult>(response.StatusCode, body, callName, address);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw DeadlinePassed(callName, address, call.Deadline);
        }
        catch (HttpRequestException ex)
        {
            LogUnavailable(logger, ex, address, callName);
            throw new SiloUnavailableException($"Silo {address} could not be reached for {callName}: {ex.Message}", ex);
        }
    }

    private HttpRequestMessage CreateMessage(string address, OutboundCall call, string traceParent, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{address}{ClusterProtocol.CallsPath}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
        };
        message.Headers.Add(ClusterProtocol.SecretHeader, secret.Value);
        message.Headers.Add(ClusterProtocol.DeadlineHeader, call.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(ClusterProtocol.HopsHeader, call.Hops.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(ClusterProtocol.TraceParentHeader, traceParent);
        return message;
    }

    private static TResult ReadAnswer<TResult>(HttpStatusCode status, byte[] body, string callName, string address)
    {
        if (status == HttpStatusCode.OK)
        {
            try
            {
                return CallResult.Read<TResult>(body);
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"Silo {address} answered {callName} with a result that cannot be read as {typeof(TResult).Name}: {ex.Message}", ex);
            }
        }

        return ErrorEnvelope.TryRead(body, out var type, out var message)
            ? throw ErrorEnvelope.Recreate((int)status, type, message, callName, address)
            : throw new SiloUnavailableException($"{address} answered {callName} with HTTP {(int)status} and no cluster error: it is not (or no longer) a silo's cluster port.");
    }

    private static GrainCallTimeoutException DeadlinePassed(string callName, string address, DateTimeOffset deadline) =>
        new($"Call {callName} to silo {address} did not complete by its deadline {deadline:O}. " +
            "The grain may still complete it: the outcome is unknown, so retry only with the same idempotency key.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending {Call} to silo {Address}, traceparent {TraceParent}")]
    private static partial void LogSending(ILogger logger, string call, string address, string traceParent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Silo {Address} could not be reached for {Call}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string address, string call);
}
