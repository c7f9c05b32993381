using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>
/// Keeps the route index (path → item) and, when a published address changes, a redirect from the old
/// address so links already shared keep working.
/// </summary>
public sealed class AutorouteIndexHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task IndexingAsync(ContentContext context)
    {
        var path = context.Item.As<AutoroutePart>(ContentParts.Autoroute).Path;
        if (string.IsNullOrEmpty(path)) return;
        await context.Session.ExecuteAsync(
            "INSERT INTO autoroute_index (document_id, content_item_id, path) VALUES (@id, @itemId, @path)",
            new { id = context.Item.Id, itemId = context.Item.ContentItemId, path });
    }

    public async Task PublishedAsync(ContentContext context)
    {
        var path = context.Item.As<AutoroutePart>(ContentParts.Autoroute).Path;
        var oldPath = context.PreviousPublished?.As<AutoroutePart>(ContentParts.Autoroute).Path;
        // The new address is this item's now; any redirect that pointed it elsewhere goes.
        if (!string.IsNullOrEmpty(path))
            await context.Session.ExecuteAsync("DELETE FROM autoroute_redirects WHERE path = @path", new { path });
        if (string.IsNullOrEmpty(oldPath) || oldPath == path) return;
        await context.Session.ExecuteAsync("DELETE FROM autoroute_redirects WHERE path = @oldPath", new { oldPath });
        await context.Session.ExecuteAsync(
            "INSERT INTO autoroute_redirects (path, content_item_id, created_utc) VALUES (@oldPath, @itemId, @now)",
            new { oldPath, itemId = context.Item.ContentItemId, now = UnixTime.Now });
    }
}
