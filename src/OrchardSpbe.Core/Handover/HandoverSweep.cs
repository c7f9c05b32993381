using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Handover;

/// <summary>
/// Finishes hand-overs that the move right after a commit did not (a crash, a receiver briefly down, a handler that
/// failed): each tenant once after start, then only when <see cref="HandoverRelay.IsDue"/> says so.
/// </summary>
public sealed class HandoverSweep(HandoverRelay relay) : IBackgroundTask
{
    public string? FeatureId => null;

    public TimeSpan Interval => TimeSpan.FromSeconds(5);

    public Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>().Name;
        return relay.IsDue(tenant) ? relay.SweepAsync(tenant, cancellationToken) : Task.CompletedTask;
    }
}
