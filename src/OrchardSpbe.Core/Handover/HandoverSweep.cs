using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Handover;

/// <summary>
/// Finishes hand-overs that the move right after a commit did not (a crash, a receiver briefly down, a handler that
/// failed): after the tenant's commits, at a failed step's retry time, and when the safety sweep visits the tenant.
/// </summary>
public sealed class HandoverSweep(HandoverRelay relay) : IBackgroundTask
{
    public string? FeatureId => null;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>().Name;
        await relay.SweepAsync(tenant, cancellationToken);
        return relay.NextRetry(tenant);
    }
}
