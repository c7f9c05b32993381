using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrchardSpbe.Data;

namespace OrchardSpbe.Operations;

/// <summary>Free space where the tenants' SQLite files and media live: degraded under 1 GB, unhealthy under 100 MB.</summary>
public sealed class DiskSpaceHealthCheck(AppDataFolder appData) : IHealthCheck
{
    private const long Degraded = 1L << 30;
    private const long Unhealthy = 100L << 20;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var drive = new DriveInfo(Path.GetFullPath(appData.Root));
        var free = drive.AvailableFreeSpace;
        var data = new Dictionary<string, object> { ["path"] = appData.Root, ["freeBytes"] = free, ["totalBytes"] = drive.TotalSize };
        var description = $"{free / (1 << 20):N0} MB free";
        return Task.FromResult(free < Unhealthy ? HealthCheckResult.Unhealthy(description, data: data)
            : free < Degraded ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
