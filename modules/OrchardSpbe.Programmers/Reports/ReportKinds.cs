using System.Globalization;

namespace OrchardSpbe.Programmers.Reports;

/// <summary>The reports of 000 Pasal 15(2) and 20(1): monthly, quarterly and end-of-term.</summary>
public static class ReportKinds
{
    public const string Monthly = "bulanan";
    public const string Quarterly = "triwulanan";
    public const string Final = "akhir";

    /// <summary>A written reason for a month without activity (15(4): only inactivity "without a written reason" counts).</summary>
    public const string Reason = "alasan";

    public static readonly string[] All = [Monthly, Quarterly, Final, Reason];

    public static string Label(string kind) => kind switch
    {
        Monthly => "Laporan bulanan",
        Quarterly => "Laporan triwulanan",
        Final => "Laporan akhir masa tugas",
        Reason => "Alasan tertulis tidak aktif",
        _ => kind,
    };

    /// <summary>The first and last day a report's period covers ("2026-03", "2026-Q1"; the final report: the whole term), or null when malformed.</summary>
    public static (DateOnly First, DateOnly Last)? Span(string kind, string? period, DateOnly termStart, DateOnly termEnd)
    {
        period = (period ?? "").Trim();
        switch (kind)
        {
            case Monthly or Reason when DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month):
                return (month, month.AddMonths(1).AddDays(-1));
            case Quarterly when period.Length == 7 && period[4..6] == "-Q" && int.TryParse(period[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                                 && period[6] is >= '1' and <= '4' && year is >= 2000 and <= 2100:
                var first = new DateOnly(year, (period[6] - '1') * 3 + 1, 1);
                return (first, first.AddMonths(3).AddDays(-1));
            case Final:
                return (termStart, termEnd);
            default:
                return null;
        }
    }
}

/// <summary>The coordinator's judgement of a report (000 Pasal 15(2)); "baik" is the positive evaluation an extension needs (15(1)).</summary>
public static class Ratings
{
    public const string Good = "baik";
    public const string Fair = "cukup";
    public const string Poor = "kurang";

    public static readonly string[] All = [Good, Fair, Poor];

    public static string Label(string rating) => rating switch
    {
        Good => "Baik",
        Fair => "Cukup",
        Poor => "Kurang",
        _ => rating,
    };
}
