using System.Net;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The process's one HTTP client for cluster calls: HTTP/2 only over cleartext (prior knowledge), one multiplexed
/// connection per peer. Calls set their own deadline; the client has no timeout of its own.
/// </summary>
internal static class ClusterHttpClient
{
    public static HttpClient Shared { get; } = Create();

    private static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            // A peer that is gone is found at connect, or by pings on a connection it no longer answers,
            // so calls fail fast as unavailable (retryable) instead of waiting for their deadline.
            ConnectTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(20),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,

            // The transport writes traceparent itself, from the current activity or a new trace.
            ActivityHeadersPropagator = null,
        };
        return new HttpClient(handler)
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
