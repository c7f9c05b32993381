using System.Globalization;

namespace OrchardSpbe.Statistics.Periods;

/// <summary>
/// A reporting period in SDMX's form: <c>2025</c>, <c>2025-S1</c>, <c>2025-Q3</c>, <c>2025-M07</c>. The text form is
/// what the database stores; it sorts correctly within one periodicity.
/// </summary>
public readonly record struct StatPeriod(int Year, Periodicity Periodicity, int Number) : IComparable<StatPeriod>
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly string[] Roman = ["I", "II", "III", "IV"];
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public override string ToString() => Periodicity switch
    {
        Periodicity.Bulanan => $"{Year:D4}-M{Number:D2}",
        Periodicity.Triwulanan => $"{Year:D4}-Q{Number}",
        Periodicity.Semesteran => $"{Year:D4}-S{Number}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>How people read it: "Juli 2025", "Triwulan III 2025", "Semester I 2025", "2025".</summary>
    public string Label => Periodicity switch
    {
        Periodicity.Bulanan => Indonesian.DateTimeFormat.GetMonthName(Number) + " " + Year,
        Periodicity.Triwulanan => $"Triwulan {Roman[Number - 1]} {Year}",
        Periodicity.Semesteran => $"Semester {Roman[Number - 1]} {Year}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The first month of the period (1–12).</summary>
    public int FirstMonth => Periodicity switch
    {
        Periodicity.Bulanan => Number,
        Periodicity.Triwulanan => (Number - 1) * 3 + 1,
        Periodicity.Semesteran => (Number - 1) * 6 + 1,
        _ => 1,
    };

    /// <summary>When the period starts, in WIB.</summary>
    public DateTimeOffset Start => new(Year, FirstMonth, 1, 0, 0, 0, Wib);

    /// <summary>When the next period starts, in WIB.</summary>
    public DateTimeOffset End => Start.AddMonths(12 / Periodicity.PerYear());

    public StatPeriod Previous() => Number > 1 ? this with { Number = Number - 1 } : this with { Year = Year - 1, Number = Periodicity.PerYear() };

    public int CompareTo(StatPeriod other) => (Year, FirstMonth).CompareTo((other.Year, other.FirstMonth));

    /// <summary>The period of this periodicity that holds a moment (WIB).</summary>
    public static StatPeriod Containing(DateTimeOffset moment, Periodicity periodicity)
    {
        var wib = moment.ToOffset(Wib);
        var number = periodicity switch
        {
            Periodicity.Bulanan => wib.Month,
            Periodicity.Triwulanan => (wib.Month - 1) / 3 + 1,
            Periodicity.Semesteran => (wib.Month - 1) / 6 + 1,
            _ => 1,
        };
        return new StatPeriod(wib.Year, periodicity, number);
    }

    /// <summary>Parses any of the four SDMX forms (years 1900–2999); the periodicity comes from the form.</summary>
    public static bool TryParse(string? text, out StatPeriod period)
    {
        period = default;
        text = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text) || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2999)
            return false;
        if (text.Length == 4) { period = new StatPeriod(year, Periodicity.Tahunan, 1); return true; }
        if (text[4] != '-' || text.Length < 7) return false;
        var (periodicity, max) = text[5] switch
        {
            'M' => (Periodicity.Bulanan, 12),
            'Q' => (Periodicity.Triwulanan, 4),
            'S' => (Periodicity.Semesteran, 2),
            _ => (Periodicity.Tahunan, 0),
        };
        if (max == 0) return false;
        var digits = text.AsSpan(6);
        // Months are written with two digits (M07), quarters and semesters with one (Q3, S1).
        if (digits.Length != (periodicity == Periodicity.Bulanan ? 2 : 1)) return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > max) return false;
        period = new StatPeriod(year, periodicity, number);
        return true;
    }
}
