using System.Net;
using System.Net.Sockets;

namespace OrchardSpbe.Datasets.Resources;

/// <summary>
/// Refuses resource links that point inside the city's network (SSRF): loopback 127/8, private 10/8, 172.16/12 and
/// 192.168/16, link-local 169.254/16 (with the cloud metadata address 169.254.169.254), carrier-grade NAT 100.64/10,
/// 0/8, multicast, and their IPv6 forms (::1, fc00::/7, fe80::/10, IPv4-mapped) — whether written as an address or a
/// name that resolves to one. The platform stores links and never fetches them; the check keeps them safe for any
/// client (a harvester, a preview) that does.
/// </summary>
public static class LinkGuard
{
    private static readonly string[] BlockedNames = ["localhost", "metadata", "metadata.google.internal", "instance-data"];

    /// <summary>Null when the link may be kept; otherwise why not (a key of the UI text).</summary>
    public static async Task<string?> CheckAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || url!.Length > 2000)
            return "Tautan harus alamat http:// atau https:// yang lengkap.";
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (BlockedNames.Contains(host) || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal))
            return "Tautan ke alamat jaringan internal tidak diizinkan.";
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ArgumentException)
            {
                addresses = []; // not resolvable here: nothing inside the network answers to it
            }
        }
        return addresses.Any(IsInternal) ? "Tautan ke alamat jaringan internal tidak diizinkan." : null;
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
