using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>Core's <see cref="IDatasetLinks"/>: this PD's published, public datasets by name, at /data/{name}.</summary>
public sealed class DatasetLinks(DatasetDirectory directory, TenantContext tenant) : IDatasetLinks
{
    public async Task<IReadOnlyList<DatasetLink>> FindAsync(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0 || tenant.IsDefault) return [];
        var links = new List<DatasetLink>();
        foreach (var name in names.Distinct().Take(50))
            if (await directory.FindAsync(name) is ({ IsPublic: true } dataset, true) && dataset.Name == name)
                links.Add(new DatasetLink(dataset.Name, dataset.Title, "data/" + Uri.EscapeDataString(dataset.Name)));
        return links;
    }
}
