using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Contents.Services;

/// <summary>
/// Decides an item's public address. Left empty, it is made from the title under the list's address (or
/// the type's "Prefix" setting) and made unique; typed by an editor, it must be well-formed and free.
/// </summary>
public sealed class RouteAvailability(TenantSession session, ContentStore store, ContentDefinitionStore definitions, IStringLocalizer<Strings> T)
{
    public async Task<(string? Path, string? Error)> ResolveAsync(ContentItem item, string? typed)
    {
        typed = (typed ?? "").Trim().Trim('/').ToLowerInvariant();
        if (typed.Length > 0)
        {
            if (!Slugs.IsValidPath(typed))
                return (typed, T["Alamat hanya boleh berisi huruf kecil, angka, tanda hubung dan garis miring, misalnya berita/posyandu-balita."]);
            if (Slugs.IsReserved(typed)) return (typed, T["Alamat '{0}' dipakai oleh sistem; pilih alamat lain.", typed]);
            if (await TakenAsync(typed, item.ContentItemId)) return (typed, T["Alamat '{0}' sudah dipakai oleh konten lain.", typed]);
            return (typed, null);
        }
        var slug = Slugs.FromText(item.As<TitlePart>(ContentParts.Title).Title);
        if (slug.Length == 0) slug = item.ContentItemId;
        var prefix = await PrefixAsync(item);
        var path = prefix.Length > 0 ? prefix + "/" + slug : slug;
        if (Slugs.IsReserved(path)) path = "halaman-" + path;
        var candidate = path;
        for (var n = 2; await TakenAsync(candidate, item.ContentItemId); n++) candidate = $"{path}-{n}";
        return (candidate, null);
    }

    /// <summary>Under the list's own address (news under "berita"), else the type's prefix setting.</summary>
    private async Task<string> PrefixAsync(ContentItem item)
    {
        var containerId = item.As<ContainedPart>(ContentParts.Contained).ListContentItemId;
        if (!string.IsNullOrEmpty(containerId) && await store.GetAsync(containerId, published: false) is { } list)
            return list.As<AutoroutePart>(ContentParts.Autoroute).Path;
        return (await definitions.FindAsync(item.ContentType))?.Part(ContentParts.Autoroute)?.Setting("Prefix") ?? "";
    }

    /// <summary>Taken when another item's latest or published version holds it.</summary>
    private async Task<bool> TakenAsync(string path, string contentItemId) =>
        await session.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM autoroute_index a JOIN content_items c ON c.id = a.document_id
            WHERE a.path = @path AND a.content_item_id <> @contentItemId AND (c.latest = TRUE OR c.published = TRUE)
            """, new { path, contentItemId }) > 0;
}
