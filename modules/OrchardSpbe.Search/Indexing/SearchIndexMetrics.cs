using System.Diagnostics.Metrics;
using OrchardSpbe.Operations;

namespace OrchardSpbe.Search.Indexing;

/// <summary>Per tenant: the changes its index on this node had still to apply when its last catch-up began.</summary>
public sealed class SearchIndexMetrics(SearchIndexHost indexes) : IMetricsSource
{
    public void Register(Meter meter) =>
        meter.CreateObservableGauge("spbe.search.index.lag", () => indexes.OpenIndexes()
            .Select(i => new Measurement<long>(i.PendingAtLastCatchUp, new KeyValuePair<string, object?>(SpbeMetrics.TenantTag, i.Tenant))),
            "{change}", "Search changes not yet applied to this node's index when its last catch-up began.");
}
