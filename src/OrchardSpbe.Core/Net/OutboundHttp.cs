using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Net;

/// <summary>
/// Named HttpClients for calls to addresses users give. Every connection — the first and each redirect's — resolves
/// the host itself and connects only to an address <see cref="OutboundGuard"/> allows: a check at entry alone would
/// let a name that later resolves inside the network (DNS rebinding) or a redirect to 169.254.169.254 through.
/// </summary>
public static class OutboundHttp
{
    public static IServiceCollection AddOutboundHttpClient(this IServiceCollection services, string name, TimeSpan timeout)
    {
        services.AddSingleton<OutboundGuard>();
        services.AddHttpClient(name, client => client.Timeout = timeout)
            .ConfigurePrimaryHttpMessageHandler(provider => Handler(provider.GetRequiredService<OutboundGuard>()));
        return services;
    }

    private static SocketsHttpHandler Handler(OutboundGuard guard) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 3,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await guard.AddressesToConnectAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
