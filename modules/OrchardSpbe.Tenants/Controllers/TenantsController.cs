using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Recipes;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants.ViewModels;

namespace OrchardSpbe.Tenants.Controllers;

/// <summary>Diskominfostandi's administrators run the PD sites from the city portal's admin.</summary>
[Area("Tenants")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageTenants")]
[Route("admin/tenants")]
public sealed class TenantsController(
    TenantRegistry registry,
    TenantManager manager,
    RecipeCatalog recipes,
    HostNames hostNames,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? q)
    {
        var tenants = registry.All
            .Where(t => string.IsNullOrWhiteSpace(q) || t.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)
                        || t.DisplayName.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => !t.IsDefault).ThenBy(t => t.Category).ThenBy(t => t.DisplayName)
            .ToList();
        ViewBag.Query = q;
        return View(tenants);
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", WithRecipes(new TenantEditViewModel { IsNew = true, Category = "Dinas" }));

    [HttpPost("create")]
    public async Task<IActionResult> Create(TenantEditViewModel model)
    {
        model.IsNew = true;
        var hosts = model.HostList();
        var name = model.Name.Trim().ToLowerInvariant();
        // Regulation 001 Pasal 19(3): a PD's site lives at <namapd>.bekasikota.go.id unless told otherwise.
        if (hosts.Count == 0 && string.IsNullOrWhiteSpace(model.UrlPrefix) && name.Length > 0)
            hosts = [name + "." + hostNames.BaseDomain];
        var result = await manager.CreateAsync(new CreateTenantRequest
        {
            Name = name, DisplayName = model.DisplayName ?? "", Category = model.Category, Hosts = hosts, UrlPrefix = model.UrlPrefix,
            RecipeName = model.RecipeName, AdminUserName = model.AdminUserName ?? "", AdminEmail = model.AdminEmail ?? "",
            AdminPassword = model.AdminPassword ?? "", ContactAddress = model.ContactAddress, ContactPhone = model.ContactPhone,
        });
        if (!result.Succeeded)
        {
            ModelState.Clear();
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field == "Recipe" ? "" : field, message);
            return View("Edit", WithRecipes(model));
        }
        await audit.RecordAsync("tenant.created", result.Tenant!.Name, string.Join(", ", result.Tenant.Hosts));
        TempData["Message"] = T["Situs '{0}' dibuat dan sudah berjalan.", result.Tenant.DisplayName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{name}/edit")]
    public IActionResult Edit(string name)
    {
        var tenant = registry.Find(name);
        if (tenant is null) return NotFound();
        return View(WithRecipes(new TenantEditViewModel
        {
            Name = tenant.Name, DisplayName = tenant.DisplayName, Category = tenant.Category,
            Hosts = string.Join("\n", tenant.Hosts), UrlPrefix = tenant.UrlPrefix, RecipeName = tenant.RecipeName,
        }));
    }

    [HttpPost("{name}/edit")]
    public async Task<IActionResult> Edit(string name, TenantEditViewModel model)
    {
        model.Name = name;
        var result = await manager.UpdateAsync(name, new UpdateTenantRequest
        {
            DisplayName = model.DisplayName ?? "", Category = model.Category, Hosts = model.HostList(), UrlPrefix = model.UrlPrefix,
        });
        if (!result.Succeeded)
        {
            ModelState.Clear();
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field == "Name" ? "" : field, message);
            return View(WithRecipes(model));
        }
        await audit.RecordAsync("tenant.updated", name, string.Join(", ", result.Tenant!.Hosts));
        TempData["Message"] = T["Perubahan pada situs '{0}' disimpan.", result.Tenant.DisplayName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{name}/disable")]
    public Task<IActionResult> Disable(string name) =>
        ApplyAsync(name, manager.DisableAsync, "tenant.disabled", T["Situs '{0}' dinonaktifkan."]);

    [HttpPost("{name}/enable")]
    public Task<IActionResult> Enable(string name) =>
        ApplyAsync(name, manager.EnableAsync, "tenant.enabled", T["Situs '{0}' diaktifkan kembali."]);

    [HttpPost("{name}/delete")]
    public Task<IActionResult> Delete(string name) =>
        ApplyAsync(name, manager.DeleteAsync, "tenant.deleted", T["Situs '{0}' dihapus beserta datanya."]);

    private async Task<IActionResult> ApplyAsync(string name, Func<string, Task<TenantResult>> change, string action, LocalizedString done)
    {
        var result = await change(name);
        if (result.Succeeded)
        {
            await audit.RecordAsync(action, name);
            TempData["Message"] = string.Format(done.Value, result.Tenant!.DisplayName);
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors.Values);
        }
        return RedirectToAction(nameof(Index));
    }

    private TenantEditViewModel WithRecipes(TenantEditViewModel model)
    {
        model.Recipes = recipes.List().Where(r => r.IsTenantRecipe).ToList();
        return model;
    }
}
