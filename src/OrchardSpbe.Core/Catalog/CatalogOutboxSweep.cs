using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>
/// Copies outbox rows whose copy after commit did not happen (a crash, the host store briefly down): when the safety
/// sweep visits the tenant, and every 30 s while its flush fails — no query for the many tenants with nothing pending.
/// </summary>
public sealed class CatalogOutboxSweep(CatalogPublisher publisher, TimeProvider clock) : IBackgroundTask
{
    public string? FeatureId => null;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>().Shell.Record;
        if (publisher.NeedsSweep(tenant.Name)) await publisher.FlushAsync(tenant, cancellationToken);
        return publisher.NeedsSweep(tenant.Name) ? clock.GetUtcNow().AddSeconds(30) : null;
    }
}
