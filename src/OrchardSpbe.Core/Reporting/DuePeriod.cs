using System.Globalization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Reporting;

/// <summary>
/// A reporting period (its first and last day) and the day its report is due, in WIB calendar days — the generic part of
/// "due dates and late marks" that a module's reports share: a monthly or quarterly report due on a set day of the next
/// month, a term's final report due some days after it ends. A report is late when it arrives after the due day is over;
/// a report not filed by then is missing.
/// </summary>
public readonly record struct DuePeriod(DateOnly First, DateOnly Last, DateOnly Due)
{
    /// <summary>The month, due on <paramref name="dueDay"/> of the next month (clamped to that month's length).</summary>
    public static DuePeriod Month(int year, int month, int dueDay)
    {
        var first = new DateOnly(year, month, 1);
        return Ending(first, first.AddMonths(1).AddDays(-1), dueDay);
    }

    /// <summary>The quarter (1–4), due on <paramref name="dueDay"/> of the month after it.</summary>
    public static DuePeriod Quarter(int year, int quarter, int dueDay)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return Ending(first, first.AddMonths(3).AddDays(-1), dueDay);
    }

    /// <summary>A span due <paramref name="days"/> after its last day (an end-of-term report).</summary>
    public static DuePeriod After(DateOnly first, DateOnly last, int days) => new(first, last, last.AddDays(Math.Max(0, days)));

    private static DuePeriod Ending(DateOnly first, DateOnly last, int dueDay)
    {
        var next = last.AddDays(1);
        var day = Math.Clamp(dueDay, 1, DateTime.DaysInMonth(next.Year, next.Month));
        return new DuePeriod(first, last, new DateOnly(next.Year, next.Month, day));
    }

    /// <summary>The months wholly inside [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public static IEnumerable<DuePeriod> MonthsWithin(DateOnly from, DateOnly to, int dueDay)
    {
        var month = new DateOnly(from.Year, from.Month, 1);
        if (month < from) month = month.AddMonths(1);
        for (; month.AddMonths(1).AddDays(-1) <= to; month = month.AddMonths(1))
            yield return Month(month.Year, month.Month, dueDay);
    }

    /// <summary>The calendar quarters wholly inside [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public static IEnumerable<DuePeriod> QuartersWithin(DateOnly from, DateOnly to, int dueDay)
    {
        var quarter = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1);
        if (quarter < from) quarter = quarter.AddMonths(3);
        for (; quarter.AddMonths(3).AddDays(-1) <= to; quarter = quarter.AddMonths(3))
            yield return Quarter(quarter.Year, (quarter.Month - 1) / 3 + 1, dueDay);
    }

    /// <summary>The moment the due day is over (midnight WIB after it): a report arriving from then on is late.</summary>
    public DateTimeOffset Deadline => new(Due.AddDays(1).ToDateTime(TimeOnly.MinValue), WibTime.Offset);

    /// <summary>The period has ended (its report may be filed without being early).</summary>
    public bool HasEnded(DateTimeOffset now) => Today(now) > Last;

    public bool IsPastDue(DateTimeOffset now) => now >= Deadline;

    /// <summary>From when a reminder is due: <paramref name="daysBefore"/> days before the due day, until the deadline.</summary>
    public bool InReminderWindow(DateTimeOffset now, int daysBefore) => Today(now) >= Due.AddDays(-Math.Max(0, daysBefore)) && now < Deadline;

    /// <summary>Where a report stands: filed on time or late, or — not filed — open or missing past due.</summary>
    public string StateOf(DateTimeOffset? filedUtc, DateTimeOffset now) =>
        filedUtc is { } filed ? (filed >= Deadline ? DueStates.Late : DueStates.OnTime) : IsPastDue(now) ? DueStates.Missing : DueStates.Open;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(WibTime.ToWib(now).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The marks a report gets against its due date (the statistics compliance board's words).</summary>
public static class DueStates
{
    public const string OnTime = "tepat-waktu";
    public const string Late = "terlambat";
    public const string Missing = "tidak-menyampaikan";
    public const string Open = "belum-jatuh-tempo";

    public static string Label(string state) => state switch
    {
        OnTime => "Tepat waktu",
        Late => "Terlambat",
        Missing => "Tidak menyampaikan",
        Open => "Belum jatuh tempo",
        _ => state,
    };
}
