using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Catalogue;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Search;
using OrchardSpbe.Tenants;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>
/// The public catalogue at /aplikasi on the city portal: registered, public applications with their non-sensitive
/// fields; browsed by PD, class and lifecycle, or searched through the portal's search with the same facets.
/// </summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[AllowAnonymous]
[PublicPage]
public sealed class CatalogueController(PublicCatalogue catalogue, TenantContext tenant, TenantRegistry registry) : Controller
{
    public static readonly string[] Facets = ["pd", "kelas", "tahap"];

    [HttpGet("aplikasi")]
    public async Task<IActionResult> Index(string? q, string? pd, string? kelas, string? tahap, int page = 1)
    {
        pd = NullIfBlank(pd);
        kelas = NullIfBlank(kelas);
        tahap = NullIfBlank(tahap);
        SiteSearchResult? search = null;
        if (!string.IsNullOrWhiteSpace(q) && tenant.Shell.IsFeatureEnabled("OrchardSpbe.Search") && HttpContext.RequestServices.GetService<ISiteSearch>() is { } siteSearch)
        {
            var fields = new Dictionary<string, string>();
            if (pd is not null) fields["pd"] = pd;
            if (kelas is not null) fields["kelas"] = kelas;
            if (tahap is not null) fields["tahap"] = tahap;
            // Search results follow the index, which catches up just after the change that evicted the cached pages:
            // keep them out of the page cache (the search keeps its own, per index version).
            PublicPages.DoNotKeep(HttpContext);
            search = await siteSearch.SearchAsync(User, new SiteSearchQuery
            {
                Text = q, Type = ApplicationSearchSource.Type, Fields = fields, Facets = Facets, Page = Math.Clamp(page, 1, 1000), PageSize = 20,
            }, HttpContext.RequestAborted);
        }
        var model = new CatalogueViewModel
        {
            Query = q, Pd = pd, AppClass = kelas, Lifecycle = tahap, Search = search,
            Applications = search is not null ? [] : await catalogue.ListAsync(new CatalogueQuery(pd, kelas, tahap)),
            // A search brings its own facet counts; the catalogue's are counted only for browsing.
            Pds = search is not null ? [] : await catalogue.CountByAsync("tenant"),
            Classes = search is not null ? [] : await catalogue.CountByAsync("app_class"),
            Lifecycles = search is not null ? [] : await catalogue.CountByAsync("lifecycle"),
            PdName = name => registry.Find(name)?.DisplayName ?? name,
        };
        return View(model);
    }

    [HttpGet("aplikasi/{number}")]
    public async Task<IActionResult> Show(string number)
    {
        if (await catalogue.FindAsync(number) is not { } application) return NotFound();
        ViewBag.PdName = registry.Find(application.Tenant)?.DisplayName ?? application.Tenant;
        ViewBag.Names = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        return View(application);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class CatalogueViewModel
{
    public string? Query { get; init; }
    public string? Pd { get; init; }
    public string? AppClass { get; init; }
    public string? Lifecycle { get; init; }
    public SiteSearchResult? Search { get; init; }
    public IReadOnlyList<PublicApplication> Applications { get; init; } = [];
    public IReadOnlyList<(string Value, int Count)> Pds { get; init; } = [];
    public IReadOnlyList<(string Value, int Count)> Classes { get; init; } = [];
    public IReadOnlyList<(string Value, int Count)> Lifecycles { get; init; } = [];
    public Func<string, string> PdName { get; init; } = s => s;
}
