using System.Globalization;

namespace OrchardSpbe.Applications.Reports;

/// <summary>A reporting semester ("2026-S1": January–June, WIB) and its due date: the end of the month after it (001 Pasal 26(1)).</summary>
public readonly record struct Semester(int Year, int Half)
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public DateTimeOffset Start => new(Year, Half == 1 ? 1 : 7, 1, 0, 0, 0, Wib);
    public DateTimeOffset End => Start.AddMonths(6);
    public DateTimeOffset Due => End.AddMonths(1);
    public string Label => $"Semester {(Half == 1 ? "I" : "II")} {Year}";

    public Semester Previous() => Half == 1 ? new(Year - 1, 2) : new(Year, 1);

    public override string ToString() => $"{Year:D4}-S{Half}";

    public static Semester Containing(DateTimeOffset moment)
    {
        var wib = moment.ToOffset(Wib);
        return new Semester(wib.Year, wib.Month <= 6 ? 1 : 2);
    }

    public static bool TryParse(string? text, out Semester semester)
    {
        semester = default;
        text = text?.Trim();
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'S' || text[6] is not ('1' or '2')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2999) return false;
        semester = new Semester(year, text[6] - '0');
        return true;
    }
}

/// <summary>The states of a PD × semester on the compliance board.</summary>
public static class ReportStates
{
    public const string OnTime = "melapor", Late = "terlambat", NotYet = "belum", NotReported = "tidak-melapor";

    public static string Label(string state) => state switch
    {
        OnTime => "Melapor",
        Late => "Terlambat",
        NotYet => "Belum melapor",
        NotReported => "Tidak melapor",
        _ => state,
    };

    /// <summary>26(3): the Mayor reprimands a PD that did not report.</summary>
    public static bool NeedsReprimand(string state) => state is NotReported or Late;
}
