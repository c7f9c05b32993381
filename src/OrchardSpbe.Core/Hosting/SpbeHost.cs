using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Starts the platform before the server takes requests: the host store, the first-run setup when
/// there is no tenant yet, and the portal's shell. The other tenants' shells are built on use; the background
/// schedule (<see cref="Background.BackgroundTaskScheduler"/>) makes sure their timed work needs no visitor.
/// </summary>
public sealed class SpbeHost(
    TenantStore store,
    Catalog.PortalCatalog catalog,
    Signals.HostChangeLog changeLog,
    Backup.BackupRuns backupRuns,
    Background.DueWorkStore dueWork,
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

        await dueWork.EnsureCreatedAsync();
        // Issue 17: only the portal is built before serving; every other shell on first use, and the background
        // schedule's first sweep visits each running tenant within seconds, so no work waits for a visitor.
        if (registry.Find(TenantRecord.DefaultName) is { State: TenantState.Running } portal) await shells.GetOrActivateAsync(portal);
        foreach (var stuck in registry.All.Where(t => t.State is TenantState.Initializing or TenantState.Uninitialized))
            logger.LogWarning("Tenant {StuckTenant} never finished its setup; delete and create it again", stuck.Name);
        logger.LogInformation("{Running} tenants running", registry.All.Count(t => t.State == TenantState.Running));
    }
}
