using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OrchardSpbe.Datasets.Catalogue;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Datasets.Resources;
using OrchardSpbe.Datasets.ViewModels;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Controllers;

/// <summary>
/// The public open-data pages: /data (the portal: every PD's public datasets; a PD: its own) with facets and
/// full-text search, a dataset's page with schema.org Dataset JSON-LD, a resource's page with a paged, filtered,
/// sorted preview of its DataStore table, and downloads. A dataset a reader may not see is not found.
/// </summary>
[Area("Datasets")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class DatasetsController(
    CatalogueQuery catalogue, DatasetDirectory directory, DatasetAccess access, DataStoreQuery store, DataStoreTables tables,
    ResourceService resources, TenantContext tenant, TenantRegistry registry, TenantUrls urls) : Controller
{
    private const int PageSize = 20;
    private const int PreviewRows = 20;

    [HttpGet("data")]
    public async Task<IActionResult> Index(string? q, string? pd, string? kelompok, string? format, string? lisensi, string? tag, int page = 1)
    {
        var current = new Dictionary<string, string?> { ["q"] = q, ["pd"] = pd, ["kelompok"] = kelompok, ["format"] = format, ["lisensi"] = lisensi, ["tag"] = tag };
        var filters = new List<(string, string)>();
        foreach (var (param, field) in Parameters) if (current[param] is { Length: > 0 } value) filters.Add((field, value));
        page = Math.Clamp(page, 1, 10_000);
        var result = await catalogue.SearchAsync(new PackageQuery
        {
            Q = q, Filters = filters, Rows = PageSize, Start = (page - 1) * PageSize, FacetFields = CatalogueQuery.FacetNames, FacetLimit = 20,
            Sort = string.IsNullOrWhiteSpace(q) ? [("metadata_modified", true)] : [],
        }, User, HttpContext.RequestAborted);
        string Link(string? facet, string? value, int? toPage)
        {
            var values = new Dictionary<string, string?>(current);
            if (facet is not null) values[ParamOf(facet)] = values[ParamOf(facet)] == value ? null : value;
            if (toPage is > 1) values["page"] = toPage.ToString();
            return QueryHelpers.AddQueryString(Url.Content("~/data"), values.Where(v => !string.IsNullOrEmpty(v.Value)));
        }
        return View(new CatalogueViewModel
        {
            Portal = tenant.IsDefault, Query = q, Result = result, Filters = filters, Page = page, PageCount = Pager.PageCountOf(result.Count, PageSize),
            PdName = name => registry.Find(name)?.DisplayName ?? name, DatasetUrl = DatasetUrl, Link = Link,
        });
    }

    [HttpGet("data/{name}")]
    public async Task<IActionResult> Dataset(string name)
    {
        if (await VisibleAsync(name, "halaman dataset") is not { } dataset) return NotFound();
        var url = Url.Content("~/data/" + dataset.Name);
        // Related indicators, through Core's contract, where this PD also has Statistics on.
        IReadOnlyList<RelatedIndicatorLink> indicators = [];
        if (dataset.Part.RelatedIndicators.Count > 0 && tenant.Shell.IsFeatureEnabled(IIndicatorLinks.FeatureId)
            && HttpContext.RequestServices.GetService(typeof(IIndicatorLinks)) is IIndicatorLinks links)
            indicators = (await links.FindAsync(dataset.Part.RelatedIndicators)).Select(l => new RelatedIndicatorLink(l.Code, l.Title, Url.Content("~/" + l.Path))).ToList();
        return View(new DatasetPageViewModel(dataset, url, SchemaOrg.DatasetJsonLd(dataset, Absolute(url), r => Absolute(DownloadPath(dataset, r))), indicators));
    }

    [HttpGet("data/{name}/sumber/{resourceId}")]
    public async Task<IActionResult> Resource(string name, string resourceId, string? cari, string? kolom, string? nilai, string? urut, string? arah, int page = 1)
    {
        if (await VisibleAsync(name, "pratinjau sumber data " + resourceId) is not { } dataset
            || dataset.Resources.FirstOrDefault(r => r.Id == resourceId) is not { } resource) return NotFound();
        var fields = await tables.FindAsync(resource.Id) is { } table ? table.Fields : [];
        var filters = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(kolom) && fields.Any(f => f.Id == kolom) && !string.IsNullOrEmpty(nilai)) filters[kolom] = nilai;
        var sort = fields.Any(f => f.Id == urut) ? urut : null;
        page = Math.Clamp(page, 1, 100_000);
        DataStoreResult? preview = null;
        string? error = null;
        if (resource.DataStoreActive)
        {
            try
            {
                preview = await store.SearchAsync(resource.Id, new DataStoreSearch
                {
                    Q = cari, Filters = filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value]),
                    Sort = sort is null ? [] : [(sort, arah == "turun")], Limit = PreviewRows, Offset = (page - 1L) * PreviewRows,
                });
            }
            catch (DataStoreQueryException exception) { error = exception.Message; Response.StatusCode = 400; }
        }
        var query = new Dictionary<string, string?> { ["cari"] = cari, ["kolom"] = kolom, ["nilai"] = nilai, ["urut"] = urut, ["arah"] = arah };
        var link = QueryLinks.For(Url.Content($"~/data/{dataset.Name}/sumber/{resource.Id}"), query);
        return View(new ResourcePageViewModel
        {
            Dataset = dataset, Resource = resource, Preview = preview, Fields = fields, Q = cari, Filters = filters, Sort = sort, Descending = arah == "turun",
            Page = page, PageCount = Pager.PageCountOf(preview?.Total ?? 0, PreviewRows), Error = error, Link = link,
            DownloadUrl = Url.Content(DownloadPath(dataset, resource)),
        });
    }

    [HttpGet("data/{name}/sumber/{resourceId}/unduh")]
    public async Task<IActionResult> Download(string name, string resourceId)
    {
        if (await VisibleAsync(name, "unduhan sumber data " + resourceId) is not { } dataset
            || dataset.Resources.FirstOrDefault(r => r.Id == resourceId) is not { } resource) return NotFound();
        if (!resource.IsUpload) return Redirect(resource.Url!);
        if (resources.FilePathOf(resource) is not { } path || !System.IO.File.Exists(path)) return NotFound();
        var extension = ResourceFormats.OfFormat(resource.Format)!.Value.Extension;
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return PhysicalFile(path, resource.MediaType, dataset.Name + "-" + resource.Position + extension, enableRangeProcessing: true);
    }

    /// <summary>The dataset, when this site holds it and the reader may see it (a non-public one is audited).</summary>
    private async Task<DatasetRecord?> VisibleAsync(string name, string what)
    {
        if (tenant.IsDefault) return null; // the portal links to each PD's own pages
        if (await directory.FindAsync(name) is not { Published: true } found) return null;
        return await access.CanReadAsync(found.Dataset, User, what) ? found.Dataset : null;
    }

    private static readonly (string Param, string Field)[] Parameters =
        [("pd", "organization"), ("kelompok", "groups"), ("format", "res_format"), ("lisensi", "license_id"), ("tag", "tags")];

    private static string ParamOf(string field) => Parameters.First(p => p.Field == field).Param;

    public static string DownloadPath(DatasetRecord dataset, ResourceRecord resource) => $"~/data/{dataset.Name}/sumber/{resource.Id}/unduh";

    private string DatasetUrl(DatasetRecord dataset) =>
        tenant.IsDefault && registry.Find(dataset.Organization) is { } pd ? urls.Of(pd, "data/" + dataset.Name) : Url.Content("~/data/" + dataset.Name);

    private string Absolute(string path) => $"{Request.Scheme}://{Request.Host}{Url.Content(path)}";
}
