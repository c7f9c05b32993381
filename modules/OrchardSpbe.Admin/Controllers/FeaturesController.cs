using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>A tenant administrator switches features on and off for this site.</summary>
[Area("Admin")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageFeatures")]
[Route("admin/features")]
public sealed class FeaturesController(
    FeatureCatalog catalog,
    FeatureManager features,
    TenantContext tenant,
    TenantSession session,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        var visible = catalog.All
            .Where(f => !f.DefaultTenantOnly || tenant.IsDefault)
            .OrderBy(f => f.Category).ThenBy(f => f.Name)
            .GroupBy(f => f.Category)
            .ToList();
        ViewBag.Catalog = catalog;
        return View(visible);
    }

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, () => features.EnableAsync([id]), "feature.enabled");

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => ChangeAsync(id, () => features.DisableAsync(id), "feature.disabled");

    private async Task<IActionResult> ChangeAsync(string id, Func<Task<FeatureChange>> change, string action)
    {
        FeatureChange result;
        await using (var transaction = await session.BeginTransactionAsync())
        {
            result = await change();
            if (result.Succeeded && result.Changed.Count > 0)
            {
                await audit.RecordAsync(action, string.Join(", ", result.Changed));
                await transaction.CommitAsync();
            }
        }
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
        }
        else if (result.Changed.Count > 0)
        {
            await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
            var names = string.Join(", ", result.Changed.Select(c => catalog.Find(c)?.Name ?? c));
            TempData["Message"] = (action == "feature.enabled" ? T["Fitur diaktifkan: {0}.", names] : T["Fitur dinonaktifkan: {0}.", names]).Value;
        }
        return RedirectToAction(nameof(Index));
    }
}
