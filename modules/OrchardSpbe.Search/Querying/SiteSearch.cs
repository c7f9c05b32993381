using System.Security.Claims;

namespace OrchardSpbe.Search.Querying;

/// <summary>The Search feature's answer to <see cref="ISiteSearch"/>: the same request, reader rights and ranking as /search.</summary>
public sealed class SiteSearch(SearchService search, SearchReader reader) : ISiteSearch
{
    public async Task<SiteSearchResult> SearchAsync(ClaimsPrincipal user, SiteSearchQuery query, CancellationToken cancellationToken = default)
    {
        var parsed = UserQuery.Parse(query.Text);
        var request = await reader.RequestAsync(user, parsed, Math.Max(1, query.Page), SearchSort.Relevance, query.Tenant, null, query.Type);
        var result = await search.SearchAsync(request with { Fields = query.Fields, FacetFields = query.Facets, PageSize = Math.Clamp(query.PageSize, 1, 50) }, cancellationToken);
        return new SiteSearchResult
        {
            Total = result.Total,
            Page = result.Page,
            PageCount = result.PageCount,
            Hits = result.Hits.Select(h => new SiteSearchHit(h.Tenant, h.Url, h.TitleHtml, h.SnippetHtml, h.Date, h.Fields)).ToList(),
            Tenants = result.Tenants.Select(f => (f.Value, f.Count)).ToList(),
            Facets = result.FieldFacets.ToDictionary(f => f.Key, f => (IReadOnlyList<(string, int)>)f.Value.Select(v => (v.Value, v.Count)).ToList()),
            DidYouMean = result.DidYouMean,
        };
    }

    public async Task<IReadOnlySet<(string Tenant, string ItemId)>> MatchAsync(ClaimsPrincipal user, SiteSearchQuery query, CancellationToken cancellationToken = default)
    {
        var request = await reader.RequestAsync(user, UserQuery.Parse(query.Text), 1, SearchSort.Relevance, query.Tenant, null, query.Type);
        return await search.MatchAsync(request with { Fields = query.Fields }, cancellationToken);
    }
}
