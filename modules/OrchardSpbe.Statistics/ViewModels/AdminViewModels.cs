using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Import;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Statistics.Submissions;

namespace OrchardSpbe.Statistics.ViewModels;

public sealed record IndicatorListViewModel(IReadOnlyList<IndicatorRow> Indicators, IReadOnlyDictionary<string, long> Counts, long Pending);

/// <summary>The grid: one row per period, one column per area (of the chosen kecamatan, at kelurahan level), for one disaggregation value ("" = total).</summary>
public sealed record GridViewModel(
    IndicatorRow Indicator, IReadOnlyList<StatPeriod> Periods, IReadOnlyList<Area> Areas, string Disaggregation,
    IReadOnlyDictionary<(string Period, string Area), ObservationRow> Values, int Year, IReadOnlyList<int> Years,
    IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string>? Posted, string EstimationLevel, Area? Kecamatan);

public sealed record RevisionsViewModel(IndicatorRow Indicator, string Period, string Area, string Disaggregation, IReadOnlyList<ObservationRevision> Revisions);

public sealed record ImportViewModel(IndicatorRow Indicator, ImportProgress? Progress, string? Error);

public sealed record SubmissionsViewModel(
    IReadOnlyList<SubmissionRow> History, IReadOnlyList<(string Month, string Mark)> Marks, long Pending, string Month,
    IReadOnlyList<string> Months, string? Error, string? Summary);
