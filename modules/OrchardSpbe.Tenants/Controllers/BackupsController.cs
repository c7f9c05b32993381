using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Audit;
using OrchardSpbe.Backup;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants.ViewModels;

namespace OrchardSpbe.Tenants.Controllers;

/// <summary>
/// 001 Pasal 14(7): Diskominfostandi backs up one PD site or the whole platform from the portal, sees every backup with
/// its size and the last results, and restores a backup in place (after typing the site's name) or beside the live
/// site under a new name.
/// </summary>
[Area("Tenants")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageBackups")]
[Route("admin/backups")]
public sealed class BackupsController(
    BackupService backups,
    BackupRuns runs,
    TenantRegistry registry,
    IOptions<SpbeOptions> options,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    private const string WholePlatform = "*";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new BackupsViewModel
    {
        Backups = backups.List(),
        Runs = await runs.RecentAsync(20),
        Tenants = registry.All.Where(t => t.State is TenantState.Running or TenantState.Disabled).OrderBy(t => !t.IsDefault).ThenBy(t => t.DisplayName).ToList(),
        Settings = options.Value.Backup,
        Folder = backups.Folder,
    });

    [HttpPost("create")]
    public async Task<IActionResult> Create(string? tenant)
    {
        var scope = tenant?.Trim() ?? "";
        if (scope != WholePlatform && registry.Find(scope) is null)
        {
            // The message travels in a cookie: a name no site can have is not echoed back whole.
            TempData["Error"] = T["Situs '{0}' tidak ditemukan.", scope.Length > 40 ? scope[..40] + "…" : scope].Value;
            return RedirectToAction(nameof(Index));
        }
        var user = User.Identity?.Name;
        var outcome = scope == WholePlatform
            ? await backups.BackupPlatformAsync(null, "admin", user)
            : await backups.BackupTenantAsync(scope, null, "admin", user);
        if (outcome is { Succeeded: true })
        {
            await audit.RecordAsync("backup.created", scope, Path.GetFileName(outcome.Folder));
            TempData["Message"] = T["Cadangan {0} dibuat ({1}).", Path.GetFileName(outcome.Folder) ?? "", Size(outcome.SizeBytes)].Value;
        }
        else
        {
            await audit.RecordAsync("backup.failed", scope, outcome?.Error);
            TempData["Error"] = T["Pencadangan gagal: {0}", outcome?.Error ?? ""].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{name}/restore")]
    public IActionResult Restore(string name)
    {
        var backup = backups.Find(name);
        if (backup is null) return NotFound();
        return View(new RestoreBackupViewModel { Backup = backup, Mode = backup.Kind == BackupKind.Platform ? "replace" : "copy" });
    }

    [HttpPost("{name}/restore")]
    public async Task<IActionResult> Restore(string name, RestoreBackupViewModel model)
    {
        var backup = backups.Find(name);
        if (backup is null) return NotFound();
        model.Backup = backup;
        var copy = model.Mode == "copy" && backup.Kind == BackupKind.Tenant;
        // A restore in place replaces the live site: the operator types its name (or "semua" for the whole platform).
        var expected = backup.Kind == BackupKind.Platform ? "semua" : backup.Tenant;
        if (copy && string.IsNullOrWhiteSpace(model.AsName))
            ModelState.AddModelError(nameof(model.AsName), T["Isi nama teknis baru untuk salinan yang dipulihkan."]);
        if (!copy && !string.Equals(model.Confirm?.Trim(), expected, StringComparison.Ordinal))
            ModelState.AddModelError(nameof(model.Confirm), T["Ketik '{0}' untuk memastikan situs yang berjalan diganti oleh cadangan ini.", expected ?? ""]);
        if (!ModelState.IsValid) return View(model);

        var outcome = await backups.RestoreAsync(backup.Folder, new RestoreRequest(copy ? model.AsName : null, ReplaceExisting: !copy), "admin", User.Identity?.Name);
        if (!outcome.Succeeded)
        {
            await audit.RecordAsync("backup.failed", backup.Tenant ?? WholePlatform, outcome.Error);
            ModelState.AddModelError("", T["Pemulihan ditolak, tidak ada yang diubah: {0}", outcome.Error ?? ""]);
            return View(model);
        }
        var target = copy ? model.AsName!.Trim().ToLowerInvariant() : backup.Tenant ?? WholePlatform;
        await audit.RecordAsync("backup.restored", target, backup.Name);
        TempData["Message"] = copy
            ? T["Cadangan {0} dipulihkan sebagai situs baru '{1}'.", backup.Name, target].Value
            : T["Cadangan {0} dipulihkan; situs kembali ke keadaan pada {1}.", backup.Name, WibTime.DateTime(backup.CreatedUtc)].Value;
        return RedirectToAction(nameof(Index));
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes} B",
    };
}
