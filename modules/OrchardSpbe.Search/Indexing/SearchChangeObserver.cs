using Microsoft.Extensions.Logging;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// Signals on this node: content changed (on any node) → the tenant's index catches up now; a tenant stopped,
/// deleted or without the feature → its index closes at once, so it drops out of the portal's search.
/// </summary>
public sealed class SearchChangeObserver(
    SearchIndexHost indexes,
    ShellHost shells,
    TenantRegistry registry,
    TenantScopeFactory scopes,
    ILogger<SearchChangeObserver> logger) : IHostChangeObserver
{
    public async Task ChangedAsync(HostChange change)
    {
        // A tenant this node has not used yet is built now: the portal's index must see its change too.
        var shell = await shells.GetAsync(change.Tenant);
        if (shell is null || !shell.IsFeatureEnabled(Manifest.FeatureId))
        {
            indexes.Close(change.Tenant, deleteFiles: registry.Find(change.Tenant) is null);
            return;
        }
        if (change.Kind != HostChangeKind.ContentChanged) return;
        // Off the signal's thread: signals apply in order and must not wait for an index.
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateScope(shell);
                await indexes.CatchUpAsync(scope.ServiceProvider, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Search index catch-up on a signal failed for {ChangedTenant}", change.Tenant);
            }
        });
    }
}
