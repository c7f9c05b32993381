using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrchardSpbe.Data;

namespace OrchardSpbe.Hosting;

/// <summary>Readiness: the host's database answers.</summary>
public sealed class DatabaseHealthCheck(IDatabaseProvider database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{database.Name} reachable")
            : HealthCheckResult.Unhealthy($"{database.Name} unreachable");
}
