using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrchardSpbe.Applications.Register;

/// <summary>An IPv4 range in CIDR notation ("10.20.0.0/24"): Diskominfostandi assigns the city's IP numbering (001 Pasal 9(3)).</summary>
public readonly record struct IpRange(string Cidr, long Start, long End)
{
    public bool Overlaps(IpRange other) => Start <= other.End && other.Start <= End;

    public static bool TryParse(string? text, out IpRange range)
    {
        range = default;
        text = text?.Trim();
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 7) return false;
        if (!IPAddress.TryParse(text[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork || text[..slash].Count(c => c == '.') != 3) return false;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix is < 8 or > 32) return false;
        var bytes = address.GetAddressBytes();
        var value = ((long)bytes[0] << 24) | ((long)bytes[1] << 16) | ((long)bytes[2] << 8) | bytes[3];
        var size = 1L << (32 - prefix);
        if (value % size != 0) return false; // host bits set: not the network address of the range
        range = new IpRange($"{address}/{prefix}", value, value + size - 1);
        return true;
    }

    /// <summary>One range per line (or comma); null with the first bad entry when one does not parse.</summary>
    public static (List<IpRange> Ranges, string? Bad) ParseList(string? text)
    {
        var ranges = new List<IpRange>();
        foreach (var entry in (text ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(entry, out var range)) return (ranges, entry);
            ranges.Add(range);
        }
        return (ranges, null);
    }
}
