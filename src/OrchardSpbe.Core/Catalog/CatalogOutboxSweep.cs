using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>Retries outbox rows whose copy after commit did not happen (a crash, the host store briefly down).</summary>
public sealed class CatalogOutboxSweep(CatalogPublisher publisher) : IBackgroundTask
{
    public string? FeatureId => null;

    public TimeSpan Interval => TimeSpan.FromSeconds(30);

    public Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        publisher.FlushAsync(tenantServices.GetRequiredService<TenantContext>().Shell.Record, cancellationToken);
}
