using System.Globalization;

namespace OrchardSpbe.Localization;

/// <summary>
/// Times as people in Bekasi read and type them (stored times stay UTC): in WIB (UTC+7, no daylight saving) and in the Indonesian form
/// "22 November 2026, 09.00 WIB" (English UI: the same form with English month names). Month names are
/// written out here so the text does not depend on the ICU data installed on the server.
/// </summary>
public static class WibTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The years a typed date may fall in (<see cref="TryParseInput"/>).</summary>
    public const int MinYear = 1000, MaxYear = 9998;

    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static DateTimeOffset ToWib(DateTimeOffset value) => value.ToOffset(Offset);

    /// <summary>"22 November 2026".</summary>
    public static string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(ToWib(value).DateTime));

    /// <summary>A calendar date (no time of day): "22 November 2026".</summary>
    public static string Date(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"Nov": the month of an agenda's date badge.</summary>
    public static string ShortMonth(DateTimeOffset value) => MonthName(ToWib(value).Month)[..3];

    /// <summary>"22 November 2026, 09.00 WIB".</summary>
    public static string DateTime(DateTimeOffset value)
    {
        var wib = ToWib(value);
        return $"{Date(value)}, {wib.Hour:00}.{wib.Minute:00} WIB";
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;, with the +07:00 offset.</summary>
    public static string Iso(DateTimeOffset value) => ToWib(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A value of an &lt;input type="datetime-local"&gt; in WIB: "2026-11-22T14:30".</summary>
    public static string ToInput(DateTimeOffset? value) =>
        value is { } v ? ToWib(v).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads a datetime-local (or date) input typed in WIB; false when it is not a valid time.</summary>
    public static bool TryParseInput(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
        if (!System.DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        // Years the calendar types can hold but nobody schedules: 0001-01-01 WIB is before DateTimeOffset's
        // first UTC instant, and 9999-12-31 leaves no room for an end time or a reminder after it.
        if (local.Year is < MinYear or > MaxYear) return false;
        utc = new DateTimeOffset(local, Offset).ToUniversalTime();
        return true;
    }

    private static string MonthName(int month) =>
        (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? EnglishMonths : IndonesianMonths)[month - 1];
}
