using OrchardSpbe.Datasets.Catalogue;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// The node's parsed copy of the city's public datasets (<see cref="DatasetCatalog.CityAsync"/>), kept with the stamp it
/// was read under: the portal catalog's <see cref="Catalog.PortalCatalog.StampAsync"/> plus the tenants not running. Each
/// request reads the stamp (an index-only query) and reuses the list only when it is unchanged, so a publication on
/// another node, a withdrawal or a stopped PD shows at the next request — never a stale list, and the 10,000 entries are
/// read, deserialised and indexed (<see cref="DatasetIndex"/>) once per change rather than once per request. One reader loads at a time; the others wait for it.
/// </summary>
public sealed class CityCatalogCache
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (string Stamp, DatasetIndex Index)? _current;

    public async Task<DatasetIndex> GetAsync(string stamp, Func<Task<IReadOnlyList<DatasetRecord>>> load)
    {
        if (_current is { } hit && hit.Stamp == stamp) return hit.Index;
        await _loading.WaitAsync();
        try
        {
            if (_current is { } loaded && loaded.Stamp == stamp) return loaded.Index;
            // Read after the stamp: the list is at least as new as the stamp it is kept under (a change in between
            // makes the next request's stamp differ, and that request reads again).
            var index = new DatasetIndex(await load());
            _current = (stamp, index);
            return index;
        }
        finally
        {
            _loading.Release();
        }
    }
}
