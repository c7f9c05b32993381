using System.Globalization;

namespace OrchardSpbe.Content;

/// <summary>
/// Times as people in Bekasi read and type them: Western Indonesia Time (WIB, UTC+7, no daylight saving).
/// Stored times stay UTC.
/// </summary>
public static class CityTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => utc.ToOffset(Offset);

    /// <summary>A value of an &lt;input type="datetime-local"&gt;: "2026-11-22T14:30".</summary>
    public static string ToInput(DateTimeOffset? utc) => utc is { } v ? ToLocal(v).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    public static string ToDateInput(DateTimeOffset? utc) => utc is { } v ? ToLocal(v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads a datetime-local or date input typed in WIB; false when it is not a valid time.</summary>
    public static bool TryParseInput(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        utc = new DateTimeOffset(local, Offset).ToUniversalTime();
        return true;
    }

    /// <summary>"22 November 2026, 14.30 WIB" (or the English form in the English UI).</summary>
    public static string Format(DateTimeOffset utc, bool withTime = true)
    {
        var local = ToLocal(utc);
        var culture = CultureInfo.CurrentUICulture;
        var date = local.ToString("d MMMM yyyy", culture);
        return withTime ? $"{date}, {local.ToString("HH.mm", CultureInfo.InvariantCulture)} WIB" : date;
    }
}
