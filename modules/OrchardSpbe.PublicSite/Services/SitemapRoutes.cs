using OrchardSpbe.Data;

namespace OrchardSpbe.PublicSite.Services;

/// <summary>A published content item's public address on its tenant and when that version last changed.</summary>
public sealed class SitemapRoute
{
    public string Path { get; set; } = "";
    public DateTimeOffset ModifiedUtc { get; set; }
}

/// <summary>
/// The tenant's published items that have an address, read from the content engine's route index
/// (autoroute_index, one row per version) joined with the published version — for /sitemap.xml.
/// Only meaningful where the Contents feature is on (it owns those tables).
/// </summary>
public sealed class SitemapRoutes(TenantSession session)
{
    // sitemaps.org: at most 50,000 addresses in one urlset.
    public const int MaxUrls = 50_000;

    public async Task<IReadOnlyList<SitemapRoute>> PublishedAsync(int limit) =>
        (await session.QueryAsync<SitemapRoute>("""
            SELECT a.path AS Path, c.modified_utc AS ModifiedUtc
            FROM autoroute_index a JOIN content_items c ON c.id = a.document_id
            WHERE c.published = TRUE AND a.path <> ''
            ORDER BY a.path LIMIT @limit
            """, new { limit })).ToList();
}
