using Microsoft.Extensions.Options;
using OrchardSpbe.Background;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// Every tenant's index on this node, on each tick: opened (rebuilt when its folder is empty) at start-up,
/// caught up with changes made on other nodes (drafts are not signalled), and committed to disk with its cursor.
/// </summary>
public sealed class SearchIndexTask(SearchIndexHost indexes, IOptions<SearchOptions> options, TimeProvider clock) : IBackgroundTask
{
    public string? FeatureId => Manifest.FeatureId;
    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var again = await indexes.CatchUpAndCommitAsync(tenantServices, cancellationToken);
        return again ? clock.GetUtcNow() + options.Value.CatchUpInterval : null;
    }
}
