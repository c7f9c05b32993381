using OrchardSpbe.Reference;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Statistics.Public;

namespace OrchardSpbe.Statistics.ViewModels;

/// <summary>/statistik: browse (by data group, PD, latest update) or search every PD's indicators.</summary>
public sealed record StatisticsHomeViewModel
{
    public bool Portal { get; init; }
    public string? Query { get; init; }
    public string? Pd { get; init; }
    public string? Group { get; init; }
    public string? Periodicity { get; init; }
    public string? Level { get; init; }
    public bool LatestFirst { get; init; }
    public IReadOnlyList<PublicIndicator> Indicators { get; init; } = [];
    public IReadOnlyList<(string Key, long Count)> Groups { get; init; } = [];
    public IReadOnlyList<(string Key, long Count)> Pds { get; init; } = [];
    public SiteSearchResult? Search { get; init; }
    public Func<string, string> PdName { get; init; } = s => s;
    public Func<string, string, string> IndicatorUrl { get; init; } = (_, c) => c;
    public Func<object, string> Link { get; init; } = _ => "";
}

/// <summary>One indicator: its metadata, the filtered values as a table (periods × areas) and the chart beside it.</summary>
public sealed record IndicatorPageViewModel
{
    public required PublicIndicator Indicator { get; init; }
    public required IndicatorPart Metadata { get; init; }
    public required string PdName { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
    public required IReadOnlyList<Area> Areas { get; init; }
    public required IReadOnlyDictionary<(string Period, string Area), PublicObservation> Values { get; init; }
    public required IReadOnlyList<Area> AllAreas { get; init; }
    public required IReadOnlyList<string> AllPeriods { get; init; }
    public IReadOnlyList<string> SelectedAreas { get; init; } = [];
    public string? From { get; init; }
    public string? To { get; init; }
    public string Disaggregation { get; init; } = "";
    public required Func<string, string> DownloadUrl { get; init; }

    public static string PeriodLabel(string period) => StatPeriod.TryParse(period, out var p) ? p.Label : period;
}
