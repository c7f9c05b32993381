using Microsoft.Extensions.Logging;
using OrchardSpbe.Hosting.PageCache;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Signals;

/// <summary>Applies a change on this node: re-reads the tenant from the host store and rebuilds its shell.</summary>
public sealed class HostChangeApplier(
    TenantStore store,
    TenantRegistry registry,
    ShellHost shells,
    PageCacheStore pageCache,
    IEnumerable<IHostChangeObserver> observers,
    ILogger<HostChangeApplier> logger)
{
    public async Task ApplyAsync(HostChange change)
    {
        if (change.Kind == HostChangeKind.ContentChanged)
        {
            pageCache.EvictTenant(change.Tenant);
            await NotifyAsync(change);
            return;
        }
        if (change.Kind == HostChangeKind.TenantChanged)
        {
            var record = await store.FindAsync(change.Tenant);
            if (record is null) registry.Remove(change.Tenant);
            else registry.Set(record);
        }
        var current = registry.Find(change.Tenant);
        if (current is { State: TenantState.Running }) await shells.ActivateAsync(current);
        else shells.Deactivate(change.Tenant);

        // Cached pages of the tenant are stale now; the portal's too when a tenant came, went or moved (its directory lists them).
        pageCache.EvictTenant(change.Tenant);
        if (change.Kind == HostChangeKind.TenantChanged)
            pageCache.EvictTenant(TenantRecord.DefaultName);
        logger.LogInformation("Applied {Change} for {ChangedTenant}", change.Kind, change.Tenant);
        await NotifyAsync(change);
    }

    private async Task NotifyAsync(HostChange change)
    {
        foreach (var observer in observers)
        {
            try { await observer.ChangedAsync(change); }
            catch (Exception exception) { logger.LogError(exception, "{Observer} failed on {Change} for {ChangedTenant}", observer.GetType().Name, change.Kind, change.Tenant); }
        }
    }
}

/// <summary>
/// Work a module does on every node once a change has applied there (e.g. search indexes catching up with
/// content published on another node). Register as a singleton.
/// </summary>
public interface IHostChangeObserver
{
    Task ChangedAsync(HostChange change);
}

/// <summary>A single node: changes apply here and nowhere else.</summary>
public sealed class LocalChangeBus(HostChangeApplier applier) : IChangeBus
{
    public Task PublishAsync(HostChange change) => applier.ApplyAsync(change);
}
