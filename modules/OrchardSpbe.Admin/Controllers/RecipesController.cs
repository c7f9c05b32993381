using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Recipes;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>Runs a shipped recipe, or one pasted as JSON, against this site: all of it applies, or none.</summary>
[Area("Admin")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ImportRecipes")]
[Route("admin/recipes")]
public sealed class RecipesController(
    RecipeCatalog catalog,
    RecipeExecutor executor,
    TenantContext tenant,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(catalog.List().Where(r => !r.IsSetupRecipe).ToList());

    [HttpPost("{name}/run")]
    public async Task<IActionResult> Run(string name)
    {
        if (!catalog.Exists(name)) return NotFound();
        return await ApplyAsync(() => executor.ExecuteAsync(tenant.Shell, name), name);
    }

    [HttpPost("import")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Import(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            TempData["Error"] = T["Tempel isi resep (JSON) terlebih dahulu."].Value;
            return RedirectToAction(nameof(Index));
        }
        return await ApplyAsync(() => executor.ExecuteJsonAsync(tenant.Shell, json), T["resep impor"]);
    }

    private async Task<IActionResult> ApplyAsync(Func<Task<RecipeResult>> run, string name)
    {
        var result = await run();
        if (result.Succeeded)
        {
            await audit.RecordAsync("recipe.applied", name);
            await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
            TempData["Message"] = T["Resep '{0}' diterapkan.", name].Value;
        }
        else
        {
            TempData["Error"] = T["Resep tidak diterapkan, tidak ada yang berubah. {0}", result.Error ?? ""].Value;
        }
        return RedirectToAction(nameof(Index));
    }
}
