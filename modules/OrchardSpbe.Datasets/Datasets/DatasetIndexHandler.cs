using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Datasets.DataStore;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// Keeps <c>ds_datasets</c>: a dataset that was never published follows its latest version (so the editor's name check
/// and the admin list see drafts); once published, the row holds the published version — a later draft changes nothing
/// the public sees (its classification included) until it is approved. Publishing also feeds the portal's catalogue.
/// </summary>
public sealed class DatasetIndexHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task IndexingAsync(ContentContext context)
    {
        if (context.Item.ContentType != DatasetPart.ContentType || !context.Item.Latest) return;
        var parameters = Parameters(context.Item);
        var updated = await context.Session.ExecuteAsync("""
            UPDATE ds_datasets SET name = @name, title = @title, data_group = @group, classification = @classification, license_id = @license,
                tags = @tags, part = @part, modified_utc = @modified
            WHERE content_item_id = @id AND published = FALSE
            """, parameters);
        if (updated == 0)
            await context.Session.ExecuteAsync("""
                INSERT INTO ds_datasets (content_item_id, name, title, data_group, classification, license_id, tags, part, published, created_utc, modified_utc)
                SELECT @id, @name, @title, @group, @classification, @license, @tags, @part, FALSE, @created, @modified
                WHERE NOT EXISTS (SELECT 1 FROM ds_datasets WHERE content_item_id = @id)
                """, parameters);
    }

    public async Task PublishedAsync(ContentContext context)
    {
        if (context.Item.ContentType != DatasetPart.ContentType) return;
        var parameters = Parameters(context.Item);
        await context.Session.ExecuteAsync("""
            UPDATE ds_datasets SET name = @name, title = @title, data_group = @group, classification = @classification, license_id = @license,
                tags = @tags, part = @part, modified_utc = @modified, published = TRUE, published_utc = COALESCE(published_utc, @modified)
            WHERE content_item_id = @id
            """, parameters);
        await context.Services.GetRequiredService<DatasetCatalog>().RefreshAsync(context.Item.ContentItemId);
    }

    public async Task UnpublishedAsync(ContentContext context)
    {
        if (context.Item.ContentType != DatasetPart.ContentType) return;
        await context.Session.ExecuteAsync("UPDATE ds_datasets SET published = FALSE WHERE content_item_id = @id", new { id = context.Item.ContentItemId });
        await context.Services.GetRequiredService<DatasetCatalog>().RefreshAsync(context.Item.ContentItemId);
    }

    public async Task RemovedAsync(ContentContext context)
    {
        if (context.Item.ContentType != DatasetPart.ContentType) return;
        var id = context.Item.ContentItemId;
        var resources = await context.Session.QueryAsync<string>("SELECT id FROM ds_resources WHERE dataset_id = @id", new { id });
        var store = context.Services.GetRequiredService<DataStoreTables>();
        foreach (var resource in resources) await store.DropAsync(resource);
        await context.Session.ExecuteAsync("DELETE FROM ds_resources WHERE dataset_id = @id", new { id });
        await context.Session.ExecuteAsync("DELETE FROM ds_datasets WHERE content_item_id = @id", new { id });
        await context.Services.GetRequiredService<DatasetCatalog>().RefreshAsync(id);
    }

    private static object Parameters(ContentItem item)
    {
        var part = item.As<DatasetPart>(DatasetPart.Name);
        return new
        {
            id = item.ContentItemId, name = part.Slug.Length > 0 ? part.Slug : item.ContentItemId, title = item.DisplayText, group = part.DataGroup,
            classification = part.Classification, license = part.LicenseId, tags = JsonSerializer.Serialize(part.Tags), part = JsonSerializer.Serialize(part),
            created = UnixTime.Ms(item.CreatedUtc), modified = UnixTime.Ms(item.ModifiedUtc),
        };
    }
}
