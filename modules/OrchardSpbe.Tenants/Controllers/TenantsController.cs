using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
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
    TenantUpgrades upgrades,
    TenantMigrations migrations,
    IStringLocalizer<Strings> T) : Controller
{
    /// <summary>Issue 17 §4: searched, filtered and paged — one page of rows rendered, however many tenants there are.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? category, string? state, string? page, string? pageSize)
    {
        var (query, errors) = TenantList.Parse(q, category, state, page, pageSize, T);
        var list = TenantList.Apply(registry.All, query);
        string Href(int toPage) => QueryHelpers.AddQueryString(Url.Content("~/admin/tenants"), new Dictionary<string, string?>
        {
            ["q"] = query.Search, ["category"] = query.Category, ["state"] = query.State?.ToString(),
            ["pageSize"] = query.PageSize == TenantList.DefaultPageSize ? null : query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = toPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(v => !string.IsNullOrEmpty(v.Value)));
        var failures = (await migrations.FailuresAsync(50))
            .Select(f => (Failure: f, Tenant: registry.Find(f.TenantName)))
            .Where(f => f.Tenant is { State: TenantState.Running })
            .Select(f => (f.Failure, f.Tenant!)).ToList();
        return View(new TenantIndexViewModel
        {
            List = list, Errors = errors, Pager = new Navigation.Pager(query.Page, Navigation.Pager.PageCountOf(list.Total, query.PageSize), Href),
            Categories = Manifest.Categories.Union(list.Categories.Keys, StringComparer.OrdinalIgnoreCase).ToList(),
            Upgrade = await upgrades.LatestAsync(), Failures = failures, Behind = upgrades.Behind().Count,
        });
    }

    /// <summary>Runs the failed tenants' migrations again (all of them, or the one named), in the background.</summary>
    [HttpPost("upgrades/retry")]
    public async Task<IActionResult> RetryUpgrade(string? name)
    {
        var only = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var outcome = await upgrades.RetryAsync(only, User.Identity?.Name);
        switch (outcome)
        {
            case RetryOutcome.Started:
                await audit.RecordAsync("tenant.upgrade-retried", only ?? "*");
                TempData["Message"] = T["Pembaruan skema diulang di latar belakang; kemajuannya tampil di bawah."].Value;
                break;
            case RetryOutcome.AlreadyRunning:
                TempData["Error"] = T["Pembaruan skema sedang berjalan; coba lagi setelah selesai."].Value;
                break;
            default:
                TempData["Error"] = T["Tidak ada tenant gagal yang dapat diulang."].Value;
                break;
        }
        return RedirectToAction(nameof(Index));
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
