using System.Net;
using System.Net.Sockets;

namespace Loyalty.Database;

/// <summary>Finds a loopback port that is free right now (another process may still take it before we bind).</summary>
internal static class LoopbackPort
{
    public static int FindFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
