using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>
/// Copies outbox rows whose copy after commit did not happen (a crash, the host store briefly down): each tenant
/// once after start, then only tenants whose flush failed — no query for the many tenants with nothing pending.
/// </summary>
public sealed class CatalogOutboxSweep(CatalogPublisher publisher) : IBackgroundTask
{
    public string? FeatureId => null;

    public TimeSpan Interval => TimeSpan.FromSeconds(30);

    public Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>().Shell.Record;
        return publisher.NeedsSweep(tenant.Name) ? publisher.FlushAsync(tenant, cancellationToken) : Task.CompletedTask;
    }
}
