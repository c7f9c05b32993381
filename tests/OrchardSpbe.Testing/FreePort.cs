using System.Net;
using System.Net.Sockets;

namespace OrchardSpbe.Testing;

/// <summary>A loopback port nothing listens on right now, for a server a test starts (a node, Prometheus, a relay).</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
