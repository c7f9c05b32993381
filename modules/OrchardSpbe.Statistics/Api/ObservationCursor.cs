using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using OrchardSpbe.Statistics.Public;

namespace OrchardSpbe.Statistics.Api;

/// <summary>Where the next page of observations starts: the last key of this page, as an opaque URL-safe token.</summary>
public static class ObservationCursor
{
    public static string Encode(ObservationKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { key.Tenant, key.Code, key.Period, key.Area, key.Disaggregation }));

    public static bool TryDecode(string? token, out ObservationKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
            if (parts is not { Length: 5 } || parts.Any(p => p is null)) return false;
            key = new ObservationKey(parts[0], parts[1], parts[2], parts[3], parts[4]);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}
