using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Net;

/// <summary>
/// Keeps addresses that users give (a resource link, a workflow's HTTP request) from reaching inside the city's
/// network (SSRF): loopback 127/8, private 10/8, 172.16/12 and 192.168/16, link-local 169.254/16 with the cloud
/// metadata address, carrier-grade NAT 100.64/10, 0/8, multicast, and their IPv6 forms (::1, fc00::/7, fe80::/10,
/// IPv4-mapped) — written as an address or as a name that resolves to one. Checked when the address is entered
/// (<see cref="CheckUrlAsync"/>) and again on every connection (<see cref="OutboundHttp"/>), so a name that
/// resolves elsewhere later, or a redirect, cannot get through. <c>Spbe:Outbound:AllowedHosts</c> names exceptions.
/// </summary>
public sealed class OutboundGuard(IOptions<SpbeOptions> options)
{
    private static readonly string[] BlockedNames = ["localhost", "metadata", "metadata.google.internal", "instance-data"];

    public const string NotHttp = "Tautan harus alamat http:// atau https:// yang lengkap.";
    public const string Internal = "Tautan ke alamat jaringan internal tidak diizinkan.";

    public bool IsAllowedHost(string host) =>
        options.Value.Outbound.AllowedHosts.Contains(host.TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the address may be used; otherwise why not (a key of the UI text).</summary>
    public async Task<string?> CheckUrlAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || url!.Length > 2000)
            return NotHttp;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (IsAllowedHost(host)) return null;
        if (BlockedNames.Contains(host) || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal))
            return Internal;
        return (await ResolveAsync(host, cancellationToken)).Any(IsInternal) ? Internal : null;
    }

    /// <summary>The addresses a connection to <paramref name="host"/> may use: none internal unless the host is allowed.</summary>
    public async Task<IPAddress[]> AddressesToConnectAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        if (IsAllowedHost(host)) return addresses;
        if (addresses.Length == 0 || addresses.Any(IsInternal))
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Outbound call to '{host}' refused: it is inside the network or does not resolve.");
        return addresses;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ArgumentException)
        {
            return []; // not resolvable here: nothing inside the network answers to it
        }
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 || b[0] >= 224
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0);
    }
}
