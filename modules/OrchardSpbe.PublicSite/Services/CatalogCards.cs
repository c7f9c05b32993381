using OrchardSpbe.Media;
using OrchardSpbe.Catalog;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Services;

/// <summary>A catalog entry as a visitor sees it: absolute links to the PD's own site, the PD's name, dates in WIB.</summary>
public sealed record CatalogCard(
    CatalogEntry Entry,
    string Url,
    string PdName,
    string PdUrl,
    string? ImageUrl)
{
    public string Title => Entry.Title;
    public string? Summary => Entry.Summary;
    public string? Place => Entry.Place;
    public string PublishedText => WibTime.Date(Entry.PublishedUtc);
    public string PublishedIso => WibTime.Iso(Entry.PublishedUtc);
    public string? StartText => Entry.StartUtc is { } start ? WibTime.DateTime(start) : null;
    public string? StartIso => Entry.StartUtc is { } start ? WibTime.Iso(start) : null;
    public string? EndText => Entry.EndUtc is { } end ? WibTime.DateTime(end) : null;
}

/// <summary>
/// Reads the portal catalog for the public pages: every running PD's entries on the portal, one PD's on
/// its own site — always one query against the host store, never one per tenant.
/// </summary>
public sealed class CatalogCards(PortalCatalog catalog, TenantRegistry registry, TenantUrls urls, TimeProvider clock)
{
    /// <summary>Newest news first.</summary>
    public Task<CardPage> NewsAsync(string? tenant, int page, int pageSize, bool countTotal = false) =>
        QueryAsync(new CatalogQuery { Kind = CatalogKinds.News, Tenant = tenant, Page = page, PageSize = pageSize, CountTotal = countTotal });

    /// <summary>Agenda from now on, soonest first.</summary>
    public Task<CardPage> UpcomingAgendaAsync(string? tenant, int page, int pageSize, bool countTotal = false) =>
        QueryAsync(new CatalogQuery
        {
            Kind = CatalogKinds.Agenda, Tenant = tenant, StartsFrom = clock.GetUtcNow(), Order = CatalogOrder.StartAsc,
            Page = page, PageSize = pageSize, CountTotal = countTotal,
        });

    /// <summary>Agenda that has started, the most recent first.</summary>
    public Task<CardPage> PastAgendaAsync(string? tenant, int page, int pageSize, bool countTotal = false) =>
        QueryAsync(new CatalogQuery
        {
            Kind = CatalogKinds.Agenda, Tenant = tenant, StartsBefore = clock.GetUtcNow(), Order = CatalogOrder.StartDesc,
            Page = page, PageSize = pageSize, CountTotal = countTotal,
        });

    private async Task<CardPage> QueryAsync(CatalogQuery query)
    {
        var result = await catalog.QueryAsync(query);
        var cards = new List<CatalogCard>(result.Entries.Count);
        foreach (var entry in result.Entries)
        {
            // The registry is the same snapshot the catalog filtered on; a tenant gone since is skipped.
            if (registry.Find(entry.Tenant) is not { } pd) continue;
            var root = urls.RootOf(pd);
            var image = string.IsNullOrEmpty(entry.ImagePath) ? null : root + MediaFile.UrlOf(entry.ImagePath, 640).TrimStart('/');
            cards.Add(new CatalogCard(entry, root + entry.Path.TrimStart('/'), pd.DisplayName, root, image));
        }
        return new CardPage(cards, result.Total, result.Page, result.PageSize);
    }
}

public sealed record CardPage(IReadOnlyList<CatalogCard> Cards, long Total, int Page, int PageSize)
{
    public int PageCount => OrchardSpbe.Navigation.Pager.PageCountOf(Total, PageSize);
}
