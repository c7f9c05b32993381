using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Catalog;
using OrchardSpbe.Datasets.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// The datasets readers may see without signing in: on a PD, its published <i>terbuka</i> datasets; on the portal,
/// every PD's, gathered through Core's portal catalog (kind "dataset", the whole record in the entry) — the one
/// cross-tenant road for what PDs publish, so the portal never opens a PD's database. A PD refreshes its entry in the
/// transaction of every change (publication, classification, resources); withdrawn when no longer public.
/// </summary>
public sealed class DatasetCatalog(IServiceProvider services, TenantContext tenant)
{
    public const string Kind = "dataset";

    /// <summary>Re-sends a dataset of this PD to the portal (or withdraws it) and marks it for re-indexing, in the caller's transaction.</summary>
    public async Task RefreshAsync(string datasetId)
    {
        if (tenant.IsDefault) return;
        var outbox = services.GetRequiredService<CatalogOutbox>();
        var found = await services.GetRequiredService<DatasetDirectory>().FindAsync(datasetId);
        if (found is { Published: true, Dataset.IsPublic: true } && found.Value.Dataset is var dataset)
            await outbox.PublishAsync(new CatalogEntry
            {
                Kind = Kind, SourceId = dataset.Id, Title = dataset.Title, Summary = Excerpt(dataset.Part.Description),
                Path = "data/" + dataset.Name, PublishedUtc = dataset.ModifiedUtc, Data = JsonSerializer.Serialize(dataset),
            });
        else await outbox.WithdrawAsync(Kind, datasetId);
        await DatasetSearchSource.LogChangesAsync(services, [datasetId]);
    }

    /// <summary>Every public dataset this site shows: its own on a PD, every running PD's on the portal.</summary>
    public async Task<IReadOnlyList<DatasetRecord>> PublicAsync()
    {
        if (!tenant.IsDefault)
            return (await services.GetRequiredService<DatasetDirectory>().PublishedAsync()).Where(d => d.IsPublic).ToList();
        return await CityAsync();
    }

    /// <summary>The same datasets as <see cref="PublicAsync"/>, indexed for the catalogue's filters (the portal's kept with its list).</summary>
    public async Task<Catalogue.DatasetIndex> PublicIndexAsync() =>
        tenant.IsDefault ? await CityIndexAsync() : new Catalogue.DatasetIndex(await PublicAsync());

    /// <summary>
    /// Every running PD's public datasets, from the portal catalog (read from any site: the duplicate check) — parsed
    /// once per change of the catalog or of the running PDs and kept node-wide (<see cref="CityCatalogCache"/>).
    /// </summary>
    public async Task<IReadOnlyList<DatasetRecord>> CityAsync() => (await CityIndexAsync()).Datasets;

    private async Task<Catalogue.DatasetIndex> CityIndexAsync()
    {
        var portal = services.GetRequiredService<PortalCatalog>();
        var stopped = services.GetRequiredService<TenantRegistry>().All.Where(t => t.State != TenantState.Running).Select(t => t.Name).Order(StringComparer.Ordinal);
        var stamp = await portal.StampAsync(Kind) + "|" + string.Join(",", stopped);
        return await services.GetRequiredService<CityCatalogCache>().GetAsync(stamp, () => ReadCityAsync(portal));
    }

    private static async Task<IReadOnlyList<DatasetRecord>> ReadCityAsync(PortalCatalog portal)
    {
        var all = new List<DatasetRecord>();
        for (var page = 1; ; page++)
        {
            var entries = await portal.QueryAsync(new CatalogQuery { Kind = Kind, Page = page, PageSize = 200, CountTotal = false });
            all.AddRange(entries.Entries.Select(e => e.Data is null ? null : JsonSerializer.Deserialize<DatasetRecord>(e.Data)).OfType<DatasetRecord>());
            if (entries.Entries.Count < 200) return WithCityNames(all);
        }
    }

    /// <summary>
    /// CKAN names are unique in a catalogue, but two PDs may each name a dataset "rekap-2025". The first published keeps
    /// the plain name; each later one is "rekap-2025--{pd}", so package_show by name never answers with another PD's data.
    /// </summary>
    private static List<DatasetRecord> WithCityNames(List<DatasetRecord> datasets)
    {
        var later = datasets.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.OrderBy(d => d.CreatedUtc).ThenBy(d => d.Organization, StringComparer.Ordinal).Skip(1))
            .Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return later.Count == 0 ? datasets : datasets.Select(d => later.Contains(d.Id) ? d with { CityName = $"{d.Name}--{d.Organization}" } : d).ToList();
    }

    private static string Excerpt(string markdown) => markdown.Length <= 240 ? markdown : markdown[..240] + "…";
}
