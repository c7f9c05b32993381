using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Search.Querying;
using OrchardSpbe.Search.ViewModels;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Controllers;

/// <summary>
/// /search and /api/search on every site with the feature: on a PD site its own content, on the city portal
/// every PD's at once (faceted by PD, PD category and type, each hit linking to its PD's address).
/// Never cached: what a signed-in editor finds includes drafts.
/// </summary>
[Area("Search")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class SearchController(SearchService search, SearchReader reader, TenantContext tenant, TenantRegistry registry, TenantUrls urls) : Controller
{
    [HttpGet("search")]
    public async Task<IActionResult> Index(string? q, int page = 1, string? sort = null, string? pd = null, string? kategori = null, string? type = null)
    {
        var (query, result) = await RunAsync(q, page, sort, pd, kategori, type);
        var current = new Dictionary<string, string?> { ["q"] = query.Text, ["sort"] = sort == "date" ? "date" : null, ["pd"] = pd, ["kategori"] = kategori, ["type"] = type };
        var link = QueryLinks.For(Url.Content("~/search"), current);
        var model = new SearchPageViewModel
        {
            Query = query.Text, Portal = tenant.IsDefault, Sort = ParseSort(sort), Pd = pd, Category = kategori, Type = type,
            Result = result,
            Hits = result.Hits.Select(h => new SearchHitView(h, UrlOf(h), tenant.IsDefault ? registry.Find(h.Tenant)?.DisplayName : null)).ToList(),
            PdFacets = tenant.IsDefault
                ? result.Tenants.Select(f => new FacetLink(registry.Find(f.Value)?.DisplayName ?? f.Value, f.Count, link(new { pd = f.Value == pd ? null : f.Value }), f.Value == pd)).ToList()
                : [],
            CategoryFacets = tenant.IsDefault ? CategoriesOf(result).Select(c => new FacetLink(c.Value, c.Count,
                link(new { kategori = string.Equals(c.Value, kategori, StringComparison.OrdinalIgnoreCase) ? null : c.Value.ToLowerInvariant() }),
                string.Equals(c.Value, kategori, StringComparison.OrdinalIgnoreCase))).ToList() : [],
            TypeFacets = result.Types.Select(f => new FacetLink(result.TypeNames.GetValueOrDefault(f.Value, f.Value), f.Count, link(new { type = f.Value == type ? null : f.Value }), f.Value == type)).ToList(),
            Link = link,
        };
        return View(model);
    }

    [HttpGet("api/search")]
    public async Task<IActionResult> Api(string? q, int page = 1, string? sort = null, string? pd = null, string? kategori = null, string? type = null)
    {
        var (query, result) = await RunAsync(q, page, sort, pd, kategori, type);
        return Json(new
        {
            query = query.Text,
            total = result.Total,
            page = result.Page,
            pageCount = result.PageCount,
            didYouMean = result.DidYouMean,
            hits = result.Hits.Select(h => new
            {
                title = h.TitleHtml, snippet = h.SnippetHtml, url = UrlOf(h), type = h.Type, typeName = h.TypeName,
                date = h.Date, draft = h.Draft, pd = h.Tenant, pdName = registry.Find(h.Tenant)?.DisplayName,
            }),
            facets = new
            {
                pd = result.Tenants.Select(f => new { value = f.Value, label = registry.Find(f.Value)?.DisplayName ?? f.Value, count = f.Count }),
                kategori = CategoriesOf(result).Select(f => new { value = f.Value, count = f.Count }),
                type = result.Types.Select(f => new { value = f.Value, label = result.TypeNames.GetValueOrDefault(f.Value, f.Value), count = f.Count }),
            },
        });
    }

    /// <summary>Autocomplete for the search box: whole queries, the last word completed.</summary>
    [HttpGet("api/search/suggest")]
    public async Task<IActionResult> Suggest(string? q) =>
        Json(await search.CompleteAsync(q, (await reader.TenantsAsync()), portal: tenant.IsDefault, cancellationToken: HttpContext.RequestAborted));

    private async Task<(UserQuery Query, SearchResult Result)> RunAsync(string? q, int page, string? sort, string? pd, string? kategori, string? type)
    {
        var query = UserQuery.Parse(q);
        var request = await reader.RequestAsync(User, query, page, ParseSort(sort), pd, kategori, type);
        return (query, await search.SearchAsync(request, HttpContext.RequestAborted));
    }

    private static SearchSort ParseSort(string? sort) => sort == "date" ? SearchSort.Date : SearchSort.Relevance;

    private string UrlOf(SearchHit hit) =>
        registry.Find(hit.Tenant) is { } record ? urls.Of(record, hit.Url) : hit.Url;

    private IEnumerable<FacetValue> CategoriesOf(SearchResult result) =>
        result.Tenants
            .GroupBy(f => registry.Find(f.Value)?.Category ?? "Lainnya")
            .Select(g => new FacetValue(g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal);
}
