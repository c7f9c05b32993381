using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Reference;
using OrchardSpbe.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Search;

/// <summary>
/// A PD's published <i>terbuka</i> datasets in search (Indonesian stemming), one document each at /data/{name}: title,
/// description, tags, kelompok data and the resources' names and columns. The portal's cross-PD index takes them
/// from every PD, so one search on the portal's /data finds every PD's datasets. Restricted and excluded datasets
/// are never indexed (003 Pasal 15(4)).
/// </summary>
public sealed class DatasetSearchSource : ISearchDocumentSource
{
    public const string Prefix = "dataset";
    public const string Type = "Dataset";

    public string Name => Prefix;
    public string? FeatureId => Manifest.FeatureId;

    public static string ItemIdOf(string datasetId) => Prefix + "/" + datasetId;

    /// <summary>Logs datasets for re-indexing in the caller's transaction, where the site has search on.</summary>
    public static async Task LogChangesAsync(IServiceProvider services, IEnumerable<string> datasetIds)
    {
        if (!services.GetRequiredService<TenantContext>().Shell.IsFeatureEnabled("OrchardSpbe.Search")) return;
        if (services.GetService<SearchChangeLog>() is not { } log) return;
        foreach (var id in datasetIds.Distinct()) await log.AppendAsync(ItemIdOf(id));
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IServiceProvider services, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<TenantContext>().IsDefault) return [];
        var ids = itemIds.Where(i => i.StartsWith(Prefix + "/", StringComparison.Ordinal)).Select(i => i[(Prefix.Length + 1)..]).ToHashSet();
        if (ids.Count == 0) return [];
        var published = await services.GetRequiredService<DatasetDirectory>().PublishedAsync();
        return published.Where(d => d.IsPublic && ids.Contains(d.Id)).Select(Map).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> ListAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<TenantContext>().IsDefault) return new Dictionary<string, int>();
        var published = await services.GetRequiredService<DatasetDirectory>().PublishedAsync();
        return published.Where(d => d.IsPublic).ToDictionary(d => ItemIdOf(d.Id), _ => 1);
    }

    private static SearchDocument Map(DatasetRecord dataset) => new()
    {
        ItemId = ItemIdOf(dataset.Id),
        Visibility = SearchVisibility.Published,
        Type = Type,
        TypeName = "Dataset",
        Title = dataset.Title,
        Body = string.Join(" ", new[] { dataset.Part.Description, DataGroups.Find(dataset.Part.DataGroup)?.Name, string.Join(" ", dataset.Part.Tags),
            string.Join(" ", dataset.Resources.Select(r => r.Name + " " + r.Description)) }.Where(s => !string.IsNullOrWhiteSpace(s))),
        Url = "/data/" + dataset.Name,
        Date = dataset.ModifiedUtc,
        Fields =
        [
            new SearchField("nama", SearchFieldKind.Keyword, dataset.Name) { Stored = true },
            new SearchField("kelompok", SearchFieldKind.Keyword, dataset.Part.DataGroup) { Stored = true, Facet = true },
        ],
    };
}
