using System.Net.Sockets;

namespace Loyalty.Runtime.Transport;

/// <summary>Tells a call that never reached its silo (safe to send again) from one whose outcome is unknown.</summary>
internal static class TransportFailures
{
    /// <summary>
    /// True when the connection to the silo could not be made, so no byte of the request reached it: resending
    /// cannot apply the call twice. A call that broke after it was sent is not retried: its outcome is unknown.
    /// </summary>
    public static bool IsNotDelivered(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound }:
                    return true;
            }
        }

        return false;
    }
}
