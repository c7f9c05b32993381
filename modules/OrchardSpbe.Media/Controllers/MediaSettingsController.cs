using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Media.Services;
using OrchardSpbe.Media.ViewModels;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Media.Controllers;

/// <summary>The tenant administrator decides which kinds of file the library takes and how large they may be.</summary>
[Area("Media")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission(Permissions.ManageSettings)]
[Route("admin/media-settings")]
public sealed class MediaSettingsController(MediaSettingsStore store, TenantSession session, AuditLog audit, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var (settings, version) = await store.GetAsync();
        return View(new MediaSettingsViewModel { AllowedKinds = settings.AllowedKinds, MaxSizeMb = settings.MaxSizeMb, Version = version });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(MediaSettingsViewModel model)
    {
        var kinds = MediaKinds.All.Where(model.AllowedKinds.Contains).ToList();
        if (kinds.Count == 0) ModelState.AddModelError(nameof(model.AllowedKinds), T["Pilih paling sedikit satu jenis berkas."]);
        if (!ModelState.IsValid) return View(model);

        var settings = new MediaSettings { AllowedKinds = kinds, MaxSizeMb = model.MaxSizeMb };
        await using (var transaction = await session.BeginTransactionAsync())
        {
            if (!await store.SaveAsync(settings, model.Version))
            {
                ModelState.AddModelError("", T[CommonText.StaleEdit]);
                return View(model);
            }
            await audit.RecordAsync("media.settings-updated", MediaSettings.DocumentId, $"{string.Join(", ", kinds)}; {settings.MaxSizeMb} MB");
            await transaction.CommitAsync();
        }
        TempData["Message"] = T["Pengaturan media disimpan."].Value;
        return RedirectToAction(nameof(Index));
    }
}
