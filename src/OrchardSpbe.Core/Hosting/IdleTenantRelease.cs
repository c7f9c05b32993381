using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Data;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Issue 17: what the process holds for a tenant is opened on use and released when idle — every few seconds the
/// stores (SQLite pools) and each module's per-tenant resources (<see cref="ITenantIdleRelease"/>, e.g. search
/// indexes) of tenants not used lately are closed. The next request opens them again in a millisecond or two.
/// </summary>
public sealed class IdleTenantRelease(
    IDatabaseProvider database,
    IEnumerable<ITenantIdleRelease> releases,
    IOptions<SpbeOptions> options,
    ILogger<IdleTenantRelease> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var settings = options.Value.Database;
            try
            {
                var stores = database.ReleaseIdleStores(settings.IdleStoreRelease, settings.OpenTenantStores);
                var others = releases.Sum(release => release.ReleaseIdle(settings.IdleStoreRelease, settings.OpenTenantStores));
                if (stores + others > 0) logger.LogDebug("Released {Stores} idle tenant stores and {Others} other tenant resources", stores, others);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Releasing idle tenant resources failed");
            }
        }
    }
}

/// <summary>A module's per-tenant resource held in memory (an open index, a cache) that can close when the tenant sits idle.</summary>
public interface ITenantIdleRelease
{
    /// <summary>Releases what tenants idle longer than <paramref name="idle"/> hold, keeping at most <paramref name="keepOpen"/>; returns how many.</summary>
    int ReleaseIdle(TimeSpan idle, int keepOpen);
}
