using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Hosting;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Signals;

/// <summary>Applies a change on this node: re-reads the tenant from the host store and rebuilds its shell.</summary>
public sealed class HostChangeApplier(
    TenantStore store,
    TenantRegistry registry,
    ShellHost shells,
    IOutputCacheStore pageCache,
    ILogger<HostChangeApplier> logger)
{
    public async Task ApplyAsync(HostChange change)
    {
        if (change.Kind == HostChangeKind.ContentChanged)
        {
            await pageCache.EvictByTagAsync(AnonymousPageCachePolicy.TagOf(change.Tenant), default);
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
        await pageCache.EvictByTagAsync(AnonymousPageCachePolicy.TagOf(change.Tenant), default);
        if (change.Kind == HostChangeKind.TenantChanged)
            await pageCache.EvictByTagAsync(AnonymousPageCachePolicy.TagOf(TenantRecord.DefaultName), default);
        logger.LogInformation("Applied {Change} for {ChangedTenant}", change.Kind, change.Tenant);
    }
}

/// <summary>A single node: changes apply here and nowhere else.</summary>
public sealed class LocalChangeBus(HostChangeApplier applier) : IChangeBus
{
    public Task PublishAsync(HostChange change) => applier.ApplyAsync(change);
}
