using System.Globalization;

namespace OrchardSpbe.Localization;

/// <summary>
/// Dates as people in Bekasi read them: in WIB (UTC+7, no daylight saving) and in the Indonesian form
/// "22 November 2026, 09.00 WIB" (English UI: the same form with English month names). Month names are
/// written out here so the text does not depend on the ICU data installed on the server.
/// </summary>
public static class WibTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static DateTimeOffset ToWib(DateTimeOffset value) => value.ToOffset(Offset);

    /// <summary>"22 November 2026".</summary>
    public static string Date(DateTimeOffset value)
    {
        var wib = ToWib(value);
        return $"{wib.Day} {MonthName(wib.Month)} {wib.Year}";
    }

    /// <summary>"22 November 2026, 09.00 WIB".</summary>
    public static string DateTime(DateTimeOffset value)
    {
        var wib = ToWib(value);
        return $"{Date(value)}, {wib.Hour:00}.{wib.Minute:00} WIB";
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;, with the +07:00 offset.</summary>
    public static string Iso(DateTimeOffset value) => ToWib(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string MonthName(int month) =>
        (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? EnglishMonths : IndonesianMonths)[month - 1];
}
