using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Starts the platform before the server takes requests: the host store, the first-run setup when
/// there is no tenant yet, and every running tenant's shell — so timers and signals work for all
/// tenants without waiting for a first visitor.
/// </summary>
public sealed class SpbeHost(
    TenantStore store,
    Catalog.PortalCatalog catalog,
    Signals.HostChangeLog changeLog,
    Backup.BackupRuns backupRuns,
    TenantRegistry registry,
    ShellHost shells,
    FirstRunSetup firstRun,
    IOptions<SpbeOptions> options,
    ILogger<SpbeHost> logger)
{
    public async Task StartAsync()
    {
        await store.EnsureCreatedAsync();
        await catalog.EnsureCreatedAsync();
        await changeLog.EnsureCreatedAsync();
        await backupRuns.EnsureCreatedAsync();
        var tenants = await store.ListAsync();
        registry.Load(tenants);
        if (tenants.Count == 0 && options.Value.Setup.AutoSetup)
        {
            await firstRun.RunAsync();
            registry.Load(await store.ListAsync());
        }

        var running = registry.All.Where(t => t.State == TenantState.Running && shells.Find(t.Name) is null).ToList();
        await Parallel.ForEachAsync(running, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (tenant, _) => await shells.ActivateAsync(tenant));
        foreach (var stuck in registry.All.Where(t => t.State is TenantState.Initializing or TenantState.Uninitialized))
            logger.LogWarning("Tenant {StuckTenant} never finished its setup; delete and create it again", stuck.Name);
        logger.LogInformation("{Running} tenants running", shells.Running.Count);
    }
}
