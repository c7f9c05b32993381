using System.Text.Json;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Indicators;

/// <summary>A PD's indicators as the data officer works with them (from <c>stat_indicators</c>).</summary>
public sealed class IndicatorDirectory(TenantSession session, ContentManager contents)
{
    public async Task<IReadOnlyList<IndicatorRow>> ListAsync() =>
        (await session.QueryAsync<IndicatorRow>($"{Select} ORDER BY title")).ToList();

    public async Task<IndicatorRow?> FindAsync(string contentItemId) =>
        await session.QuerySingleOrDefaultAsync<IndicatorRow>($"{Select} WHERE content_item_id = @contentItemId", new { contentItemId });

    public async Task<IndicatorRow?> FindByCodeAsync(string code) =>
        await session.QuerySingleOrDefaultAsync<IndicatorRow>($"{Select} WHERE code = @code", new { code });

    /// <summary>The published version's name and metadata (what a submission carries), or null while none is published.</summary>
    public async Task<PublishedIndicator?> PublishedAsync(string contentItemId) =>
        await contents.GetAsync(contentItemId, published: true) is { } item
            ? new PublishedIndicator(item.DisplayText, item.As<IndicatorPart>(IndicatorPart.Name))
            : null;

    /// <summary>The level of the latest version's estimates ("kota", "kecamatan" or "kelurahan"): which areas the grid offers.</summary>
    public async Task<string> EstimationLevelAsync(string contentItemId) =>
        (await contents.GetAsync(contentItemId))?.As<IndicatorPart>(IndicatorPart.Name).EstimationLevel ?? "kota";

    private const string Select = """
        SELECT content_item_id AS ContentItemId, code AS Code, title AS Title, periodicity AS PeriodicityCode, data_group AS DataGroup,
               unit AS Unit, decimals AS Decimals, disaggregations AS DisaggregationsJson, published AS Published
        FROM stat_indicators
        """;
}

public sealed class IndicatorRow
{
    public string ContentItemId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string PeriodicityCode { get; set; } = "";
    public string DataGroup { get; set; } = "";
    public string Unit { get; set; } = "";
    public int Decimals { get; set; }
    public string DisaggregationsJson { get; set; } = "[]";
    public bool Published { get; set; }

    public Periodicity Periodicity => Periodicities.TryParse(PeriodicityCode, out var p) ? p : Periodicity.Tahunan;
    public IReadOnlyList<string> Disaggregations => JsonSerializer.Deserialize<List<string>>(DisaggregationsJson) ?? [];
}

public sealed record PublishedIndicator(string Title, IndicatorPart Part);
