using System.Globalization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Reporting;

namespace OrchardSpbe.Programmers.Reports;

/// <summary>A report a member owes: its kind, its period code as filed ("2026-03", "2026-Q1", "akhir") and its due date.</summary>
public sealed record OwedReport(string Kind, string Period, DuePeriod Due);

/// <summary>
/// Which reports a member's term owes and when each is due (000 Pasal 15(2), 20(1); due dates as for statistics, by the Core
/// <see cref="DuePeriod"/>): every month and calendar quarter wholly inside the term, due on a set day of the next month, and
/// the end-of-term report some days after the term ends. The removal rule of 15(4) reads the same months (a month is silent
/// only once its report is past due).
/// </summary>
public sealed class ReportSchedule(IOptions<ProgrammersOptions> options)
{
    public IReadOnlyList<OwedReport> Owed(string startDate, string endDate)
    {
        var start = DateOnly.ParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(endDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var o = options.Value;
        return
        [
            .. DuePeriod.MonthsWithin(start, end, o.MonthlyDueDay).Select(d => new OwedReport(ReportKinds.Monthly, d.First.ToString("yyyy-MM", CultureInfo.InvariantCulture), d)),
            .. DuePeriod.QuartersWithin(start, end, o.QuarterlyDueDay).Select(d => new OwedReport(ReportKinds.Quarterly, $"{d.First.Year:D4}-Q{(d.First.Month - 1) / 3 + 1}", d)),
            new OwedReport(ReportKinds.Final, ReportKinds.Final, DuePeriod.After(start, end, o.FinalDueDays)),
        ];
    }

    /// <summary>The due date of a report being filed (kind and period as stored); a written reason answers for its month.</summary>
    public DuePeriod DueOf(string kind, string period, string startDate, string endDate)
    {
        var o = options.Value;
        var start = DateOnly.ParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(endDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var span = ReportKinds.Span(kind, period, start, end)!.Value;
        return kind switch
        {
            ReportKinds.Quarterly => DuePeriod.Quarter(span.First.Year, (span.First.Month - 1) / 3 + 1, o.QuarterlyDueDay),
            ReportKinds.Final => DuePeriod.After(start, end, o.FinalDueDays),
            _ => DuePeriod.Month(span.First.Year, span.First.Month, o.MonthlyDueDay),
        };
    }

    /// <summary>15(4): the two latest months of the term whose monthly report is past due — the months the removal rule looks at.</summary>
    public IReadOnlyList<OwedReport> LatestPastDueMonths(string startDate, string endDate, DateTimeOffset now) =>
        Owed(startDate, endDate).Where(r => r.Kind == ReportKinds.Monthly && r.Due.IsPastDue(now)).TakeLast(2).ToList();
}
