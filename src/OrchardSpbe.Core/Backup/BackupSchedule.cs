using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Backup;

/// <summary>
/// The nightly whole-platform backup (Spbe:Backup:DailyAt, WIB), with no visitor needed: each node checks once a
/// minute whether today's run is due, and the day's key in <see cref="BackupRuns"/> lets exactly one node run it. Old
/// scheduled backups are pruned by <see cref="BackupRetention"/>; a failure notifies the portal's administrators.
/// </summary>
public sealed class BackupSchedule(
    IOptions<SpbeOptions> options,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<BackupSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TryParse(options.Value.Backup.DailyAt, out var at)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try { await RunIfDueAsync(at, stoppingToken); }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The scheduled backup check failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs today's backup if its time has come and no node has run it yet; returns whether this node ran it.</summary>
    public async Task<bool> RunIfDueAsync(TimeOnly at, CancellationToken cancellationToken)
    {
        var now = WibTime.ToWib(clock.GetUtcNow());
        if (TimeOnly.FromDateTime(now.DateTime) < at) return false;
        var key = "daily:" + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var backups = services.GetRequiredService<BackupService>();
        var outcome = await backups.BackupPlatformAsync(Path.Combine(backups.Folder, "scheduled"), "schedule", null, key, cancellationToken);
        if (outcome is null) return false;
        if (outcome.Succeeded)
        {
            var removed = BackupRetention.Prune(Path.Combine(backups.Folder, "scheduled"), options.Value.Backup.KeepDaily, options.Value.Backup.KeepMonthly);
            logger.LogInformation("Scheduled backup written to {BackupFolder}; {Removed} old backups removed", outcome.Folder, removed);
        }
        else await NotifyFailureAsync(outcome.Error ?? "");
        return true;
    }

    private async Task NotifyFailureAsync(string error)
    {
        var portal = services.GetRequiredService<ShellHost>().Find(TenantRecord.DefaultName);
        if (portal is null) return;
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(portal);
        var administrators = await scope.ServiceProvider.GetRequiredService<ITenantUsers>().InRolesAsync(["Administrator"]);
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(administrators.Select(a => a.UserName).ToList(),
            new Notification("Pencadangan terjadwal gagal", $"Pencadangan seluruh platform malam ini gagal: {error}", "/admin/backups"));
    }

    public static bool TryParse(string? text, out TimeOnly at) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
}
