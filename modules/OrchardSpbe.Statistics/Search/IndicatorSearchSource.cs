using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Reference;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Search;

/// <summary>
/// A PD's accepted, publicly accessible indicators in search — one document each, at the PD's /statistik/{code}.
/// The portal's cross-PD index takes them from every PD like any published document, so one search on
/// bekasikota.go.id finds every PD's statistics, faceted by data group, periodicity and estimation level, each hit
/// with its latest value. Nothing appears before Diskominfostandi accepts it. The portal indexes none of its own
/// copies (they would be found twice).
/// </summary>
public sealed class IndicatorSearchSource : ISearchDocumentSource
{
    public const string Prefix = "statistik";
    public const string Type = "Indicator";

    public string Name => Prefix;
    public string? FeatureId => Manifest.FeatureId;

    public static string ItemIdOf(string code) => Prefix + "/" + code;

    /// <summary>
    /// Logs the indicators for re-indexing in the caller's transaction, where the site has search on (the log is the
    /// Search feature's table). The ContentChanged signal sent after the commit makes every node catch up at once.
    /// </summary>
    public static async Task LogChangesAsync(IServiceProvider services, IEnumerable<string> codes)
    {
        if (!services.GetRequiredService<TenantContext>().Shell.IsFeatureEnabled("OrchardSpbe.Search")) return;
        if (services.GetService<SearchChangeLog>() is not { } log) return;
        foreach (var code in codes.Distinct()) await log.AppendAsync(ItemIdOf(code));
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IServiceProvider services, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<TenantContext>().IsDefault) return [];
        var codes = itemIds.Where(i => i.StartsWith(Prefix + "/", StringComparison.Ordinal)).Select(i => i[(Prefix.Length + 1)..]).ToList();
        if (codes.Count == 0) return [];
        var indicators = await services.GetRequiredService<PublicStatistics>().IndicatorsAsync(new IndicatorListQuery { Codes = codes, Take = 1000 });
        return indicators.Select(Map).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> ListAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<TenantContext>().IsDefault) return new Dictionary<string, int>();
        var all = new Dictionary<string, int>();
        var reader = services.GetRequiredService<PublicStatistics>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = await reader.IndicatorsAsync(new IndicatorListQuery { Take = 1000, Skip = skip });
            foreach (var indicator in page) all[ItemIdOf(indicator.Code)] = 1;
            if (page.Count < 1000) return all;
        }
    }

    private static SearchDocument Map(PublicIndicator indicator)
    {
        var m = indicator.Metadata;
        var latest = LatestText(indicator);
        return new SearchDocument
        {
            ItemId = ItemIdOf(indicator.Code),
            Visibility = SearchVisibility.Published,
            Type = Type,
            TypeName = "Indikator statistik",
            Title = indicator.Title,
            Body = string.Join(" ", new[] { m.Concept, m.Definition, m.Interpretation, m.Unit, DataGroups.Find(m.DataGroup)?.Name, string.Join(" ", m.Tags) }
                .Where(s => !string.IsNullOrWhiteSpace(s))),
            Url = "/statistik/" + Uri.EscapeDataString(indicator.Code),
            Date = indicator.AcceptedUtc,
            Fields =
            [
                new SearchField("kode", SearchFieldKind.Keyword, indicator.Code) { Stored = true },
                new SearchField("kelompok", SearchFieldKind.Keyword, indicator.DataGroup) { Stored = true, Facet = true },
                new SearchField("periodisitas", SearchFieldKind.Keyword, indicator.PeriodicityCode) { Stored = true, Facet = true },
                new SearchField("level", SearchFieldKind.Keyword, indicator.EstimationLevel) { Stored = true, Facet = true },
                new SearchField("terakhir", SearchFieldKind.Keyword, latest) { Stored = true },
            ],
        };
    }

    /// <summary>"1.234 kasus (Juli 2025)" — the latest period and, when the city total is known, its value.</summary>
    public static string LatestText(PublicIndicator indicator)
    {
        if (indicator.LatestPeriod is null || !StatPeriod.TryParse(indicator.LatestPeriod, out var period)) return "";
        var value = indicator.LatestValue is { } v ? v.ToString("N" + indicator.Decimals, CultureInfo.GetCultureInfo("id-ID")) + " " + indicator.Unit + " " : "";
        return $"{value}({period.Label})".Trim();
    }
}
