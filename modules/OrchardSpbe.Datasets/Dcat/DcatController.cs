using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Dcat;

/// <summary>
/// DCAT-AP for harvesters (Satu Data, the EU's and CKAN's DCAT harvesters), as ckanext-dcat serves it:
/// /catalog.{jsonld|ttl|rdf} — 100 public datasets a page, newest change first, <c>modified_since</c> and <c>page</c>,
/// described as a hydra:PagedCollection — and /dataset/{name}.{jsonld|ttl|rdf}. Only public datasets (on the
/// portal: every PD's); a restricted one only to its walidata on its PD, audited.
/// </summary>
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class DcatController(DatasetCatalog catalog, DatasetDirectory directory, DatasetAccess access, TenantContext tenant, TenantRegistry registry, TenantUrls urls) : Controller
{
    public const int PageSize = 100;

    [HttpGet("catalog.{format}")]
    public async Task<IActionResult> Catalog(string format, string? modified_since, string? page)
    {
        if (!RdfWriters.MediaTypes.TryGetValue(format, out var mediaType)) return NotFound();
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
            return BadRequest("Parameter 'page' harus bilangan bulat positif.");
        DateTimeOffset? since = null;
        if (modified_since is not null)
        {
            if (!DateTimeOffset.TryParse(modified_since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return BadRequest("Parameter 'modified_since' harus tanggal ISO 8601.");
            since = parsed;
        }
        var all = (await catalog.PublicAsync()).Where(d => since is null || d.ModifiedUtc >= since)
            .OrderByDescending(d => d.ModifiedUtc).ThenBy(d => d.Organization, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        var last = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        if (number > last) return NotFound();

        var graph = new RdfGraph();
        var mapper = Mapper();
        var root = Root();
        var c = RdfTerm.Iri(root);
        graph.Add(c, Rdf.Type, RdfTerm.Iri(Rdf.Dcat + "Catalog"))
            .Add(c, Rdf.Dct + "title", RdfTerm.Text(tenant.Shell.Record.DisplayName, "id"))
            .Add(c, Rdf.Dct + "description", RdfTerm.Text(tenant.IsDefault
                ? "Katalog data terbuka seluruh perangkat daerah Pemerintah Kota Bekasi."
                : "Data terbuka " + tenant.Shell.Record.DisplayName + ", Pemerintah Kota Bekasi.", "id"))
            .Add(c, Rdf.Foaf + "homepage", RdfTerm.Iri(root))
            .Add(c, Rdf.Dct + "language", RdfTerm.Iri("http://publications.europa.eu/resource/authority/language/IND"));
        var publisher = graph.NewBlank();
        graph.Add(c, Rdf.Dct + "publisher", publisher).Add(publisher, Rdf.Type, RdfTerm.Iri(Rdf.Foaf + "Agent")).Add(publisher, Rdf.Foaf + "name", tenant.Shell.Record.DisplayName);
        if (all.Count > 0) graph.Add(c, Rdf.Dct + "modified", RdfTerm.Typed(all[0].ModifiedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Rdf.Xsd + "dateTime"));
        foreach (var dataset in all.Skip((number - 1) * PageSize).Take(PageSize))
        {
            graph.Add(c, Rdf.Dcat + "dataset", mapper.DatasetIri(dataset));
            mapper.AddDataset(graph, dataset);
        }

        // hydra paging, as ckanext-dcat writes it: the page's own address with its links and the total.
        string PageUrl(int n) => $"{root}catalog.{format}?" + (modified_since is null ? "" : "modified_since=" + Uri.EscapeDataString(modified_since) + "&") + "page=" + n;
        var collection = RdfTerm.Iri(PageUrl(number));
        graph.Add(collection, Rdf.Type, RdfTerm.Iri(Rdf.Hydra + "PagedCollection"))
            .Add(collection, Rdf.Hydra + "totalItems", RdfTerm.Typed(all.Count.ToString(CultureInfo.InvariantCulture), Rdf.Xsd + "integer"))
            .Add(collection, Rdf.Hydra + "itemsPerPage", RdfTerm.Typed(PageSize.ToString(CultureInfo.InvariantCulture), Rdf.Xsd + "integer"))
            .Add(collection, Rdf.Hydra + "firstPage", PageUrl(1))
            .Add(collection, Rdf.Hydra + "lastPage", PageUrl(last))
            .Add(collection, Rdf.Hydra + "nextPage", number < last ? PageUrl(number + 1) : null)
            .Add(collection, Rdf.Hydra + "previousPage", number > 1 ? PageUrl(number - 1) : null);
        return File(RdfWriters.Write(graph, format), mediaType);
    }

    [HttpGet("dataset/{name}.{format}")]
    public async Task<IActionResult> Dataset(string name, string format)
    {
        if (!RdfWriters.MediaTypes.TryGetValue(format, out var mediaType)) return NotFound();
        DatasetRecord? dataset = null;
        if (!tenant.IsDefault && await directory.FindAsync(name) is { Published: true } found && await access.CanReadAsync(found.Dataset, User, "DCAT"))
            dataset = found.Dataset;
        dataset ??= tenant.IsDefault ? (await catalog.PublicAsync()).FirstOrDefault(d => d.ApiName == name || d.Id == name) : null;
        if (dataset is null) return NotFound();
        var graph = new RdfGraph();
        Mapper().AddDataset(graph, dataset);
        return File(RdfWriters.Write(graph, format), mediaType);
    }

    private string Root() => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/";

    private DcatMapper Mapper()
    {
        var root = Root();
        return new DcatMapper((dataset, path) =>
            dataset.Organization == tenant.Name || registry.Find(dataset.Organization) is not { } pd ? root + path : urls.Of(pd, path));
    }
}
