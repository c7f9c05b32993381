using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Admin.Services;
using OrchardSpbe.Admin.ViewModels;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Settings;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>The site's name, logo, contact, address and social links.</summary>
[Area("Admin")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageSettings")]
[Route("admin/settings")]
public sealed class SettingsController(
    SiteSettingsStore store,
    LogoFiles logos,
    TenantContext tenant,
    TenantSession session,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var (settings, version) = await store.GetAsync(tenant.Shell.Record.DisplayName);
        return View(new SettingsViewModel
        {
            SiteName = settings.SiteName, Tagline = settings.Tagline, Email = settings.Email, Phone = settings.Phone,
            Address = settings.Address, Facebook = settings.Facebook, Instagram = settings.Instagram, X = settings.X,
            YouTube = settings.YouTube, PrimaryColor = settings.PrimaryColor, CurrentLogo = settings.LogoFile, Version = version,
        });
    }

    [HttpPost("")]
    [RequestSizeLimit(LogoFiles.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Index(SettingsViewModel model)
    {
        var (current, version) = await store.GetAsync(tenant.Shell.Record.DisplayName);
        model.CurrentLogo = current.LogoFile;
        byte[]? logo = null;
        (string Extension, string ContentType)? format = null;
        if (model.Logo is { Length: > 0 })
        {
            if (model.Logo.Length > LogoFiles.MaxBytes)
                ModelState.AddModelError(nameof(model.Logo), T["Logo paling besar 1 MB."]);
            else
            {
                using var buffer = new MemoryStream();
                await model.Logo.CopyToAsync(buffer);
                logo = buffer.ToArray();
                format = LogoFiles.Sniff(logo);
                if (format is null) ModelState.AddModelError(nameof(model.Logo), T["Logo harus berupa gambar PNG, JPEG, GIF atau WebP."]);
            }
        }
        if (!ModelState.IsValid) return View(model);
        if (model.Version != version)
        {
            ModelState.AddModelError("", T[CommonText.StaleEdit]);
            model.Version = version;
            return View(model);
        }

        var logoFile = model.RemoveLogo ? null : current.LogoFile;
        if (logo is not null) logoFile = await logos.SaveAsync(tenant.Name, logo, format!.Value.Extension);
        var settings = current with
        {
            SiteName = model.SiteName.Trim(), Tagline = Clean(model.Tagline), Email = Clean(model.Email), Phone = Clean(model.Phone),
            Address = Clean(model.Address), Facebook = Clean(model.Facebook), Instagram = Clean(model.Instagram), X = Clean(model.X),
            YouTube = Clean(model.YouTube), PrimaryColor = model.PrimaryColor.ToLowerInvariant(), LogoFile = logoFile,
        };
        await using (var transaction = await session.BeginTransactionAsync())
        {
            if (!await store.SaveAsync(settings, version))
            {
                ModelState.AddModelError("", T[CommonText.StaleEdit]);
                return View(model);
            }
            await audit.RecordAsync("settings.updated", SiteSettings.DocumentId);
            await transaction.CommitAsync();
        }
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        TempData["Message"] = T["Pengaturan situs disimpan."].Value;
        return RedirectToAction(nameof(Index));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
