using System.Text.Json;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Indicators;

/// <summary>
/// Keeps <c>stat_indicators</c> — the latest version's code, periodicity and disaggregations, and whether a version is
/// published — so the grid, the import and the submission read indicators without loading documents.
/// </summary>
public sealed class IndicatorIndexHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task IndexingAsync(ContentContext context)
    {
        if (context.Item.ContentType != IndicatorPart.ContentType || !context.Item.Latest) return;
        var part = context.Item.As<IndicatorPart>(IndicatorPart.Name);
        var parameters = new
        {
            id = context.Item.ContentItemId, code = part.Code, title = context.Item.DisplayText, periodicity = part.Periodicity.Code(),
            group = part.DataGroup, unit = part.Unit, decimals = part.Decimals, disaggregations = JsonSerializer.Serialize(part.Disaggregations),
            modified = UnixTime.Ms(context.Item.ModifiedUtc),
        };
        var updated = await context.Session.ExecuteAsync("""
            UPDATE stat_indicators SET code = @code, title = @title, periodicity = @periodicity, data_group = @group, unit = @unit,
                decimals = @decimals, disaggregations = @disaggregations, modified_utc = @modified
            WHERE content_item_id = @id
            """, parameters);
        if (updated == 0)
            await context.Session.ExecuteAsync("""
                INSERT INTO stat_indicators (content_item_id, code, title, periodicity, data_group, unit, decimals, disaggregations, published, modified_utc)
                VALUES (@id, @code, @title, @periodicity, @group, @unit, @decimals, @disaggregations, FALSE, @modified)
                """, parameters);
    }

    public Task PublishedAsync(ContentContext context) => SetPublishedAsync(context, true);

    public Task UnpublishedAsync(ContentContext context) => SetPublishedAsync(context, false);

    public async Task RemovedAsync(ContentContext context)
    {
        if (context.Item.ContentType != IndicatorPart.ContentType) return;
        await context.Session.ExecuteAsync("DELETE FROM stat_indicators WHERE content_item_id = @id", new { id = context.Item.ContentItemId });
    }

    private static async Task SetPublishedAsync(ContentContext context, bool published)
    {
        if (context.Item.ContentType != IndicatorPart.ContentType) return;
        await context.Session.ExecuteAsync("UPDATE stat_indicators SET published = @published WHERE content_item_id = @id",
            new { published, id = context.Item.ContentItemId });
    }
}
