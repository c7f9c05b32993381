using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Contents.Services;

/// <summary>Public addresses to published items, and the redirects left behind when an address changed.</summary>
public sealed class PublicRoutes(TenantSession session, ContentStore store)
{
    public async Task<ContentItem?> FindPublishedAsync(string path)
    {
        var id = await store.FindPublishedIdByPathAsync(path);
        return id is null ? null : await store.GetAsync(id, published: true);
    }

    /// <summary>The current address of the item that used to live at <paramref name="oldPath"/>, if it is still public.</summary>
    public async Task<string?> RedirectTargetAsync(string oldPath)
    {
        var id = await session.ExecuteScalarAsync<string?>("SELECT content_item_id FROM autoroute_redirects WHERE path = @oldPath", new { oldPath });
        if (id is null || await store.GetAsync(id, published: true) is not { } item) return null;
        return ContentUrls.PathOf(item);
    }
}
