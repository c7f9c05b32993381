using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.Services;
using OrchardSpbe.Users.ViewModels;

namespace OrchardSpbe.Users.Controllers;

/// <summary>Roles and the permissions granted to them, per tenant.</summary>
[Area("Users")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageRoles")]
[Route("admin/roles")]
public sealed class RolesController(
    RoleManager<SpbeRole> roleManager,
    RoleStore roles,
    PermissionCatalog permissions,
    FeatureCatalog features,
    TenantContext tenant,
    TenantSession session,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await roles.ListAsync());

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", WithPermissions(new RoleEditViewModel { IsNew = true }));

    [HttpPost("create")]
    public async Task<IActionResult> Create(RoleEditViewModel model)
    {
        model.IsNew = true;
        if (!ModelState.IsValid) return View("Edit", WithPermissions(model));
        await using var transaction = await session.BeginTransactionAsync();
        var role = new SpbeRole { Name = model.Name.Trim(), Description = model.Description?.Trim() ?? "" };
        var result = await roleManager.CreateAsync(role);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(model.Name), error.Description);
            return View("Edit", WithPermissions(model));
        }
        await roles.SetPermissionsAsync(role, KnownPermissions(model.Permissions));
        await audit.RecordAsync("role.created", role.Name, string.Join(", ", model.Permissions));
        await transaction.CommitAsync();
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        TempData["Message"] = T["Peran '{0}' dibuat.", role.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{name}/edit")]
    public async Task<IActionResult> Edit(string name)
    {
        var role = await roleManager.FindByNameAsync(name);
        if (role is null) return NotFound();
        var granted = (await roles.GetClaimsAsync(role)).Where(c => c.Type == SpbeRole.PermissionClaim).Select(c => c.Value).ToList();
        return View(WithPermissions(new RoleEditViewModel
        {
            Name = role.Name,
            Description = role.Description,
            Permissions = granted,
            ConcurrencyStamp = role.ConcurrencyStamp,
        }));
    }

    [HttpPost("{name}/edit")]
    public async Task<IActionResult> Edit(string name, RoleEditViewModel model)
    {
        var role = await roleManager.FindByNameAsync(name);
        if (role is null) return NotFound();
        model.Name = role.Name; // renaming would orphan recipes and workflows that name the role
        ModelState.Remove(nameof(model.Name));
        if (!ModelState.IsValid) return View(WithPermissions(model));
        if (model.ConcurrencyStamp != role.ConcurrencyStamp)
        {
            ModelState.AddModelError("", T[CommonText.StaleEdit]);
            return View(WithPermissions(model));
        }
        await using var transaction = await session.BeginTransactionAsync();
        role.Description = model.Description?.Trim() ?? "";
        var result = await roleManager.UpdateAsync(role);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return View(WithPermissions(model));
        }
        var granted = KnownPermissions(model.Permissions);
        await roles.SetPermissionsAsync(role, granted);
        await audit.RecordAsync("role.updated", role.Name, string.Join(", ", granted));
        await transaction.CommitAsync();
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        TempData["Message"] = T["Izin peran '{0}' disimpan.", role.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{name}/delete")]
    public async Task<IActionResult> Delete(string name)
    {
        var role = await roleManager.FindByNameAsync(name);
        if (role is null) return NotFound();
        if (role.Name == StandardRoles.Administrator)
        {
            TempData["Error"] = T["Peran Administrator tidak dapat dihapus."].Value;
            return RedirectToAction(nameof(Index));
        }
        await using var transaction = await session.BeginTransactionAsync();
        await roleManager.DeleteAsync(role);
        await audit.RecordAsync("role.deleted", role.Name);
        await transaction.CommitAsync();
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        TempData["Message"] = T["Peran '{0}' dihapus.", role.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private RoleEditViewModel WithPermissions(RoleEditViewModel model)
    {
        model.AvailablePermissions = permissions.All
            .Where(p => tenant.Shell.IsFeatureEnabled(p.FeatureId))
            .GroupBy(p => features.Find(p.FeatureId)?.Name ?? p.FeatureId)
            .OrderBy(g => g.Key)
            .ToList();
        return model;
    }

    private List<string> KnownPermissions(IEnumerable<string> names) =>
        names.Where(n => permissions.Find(n) is { } p && tenant.Shell.IsFeatureEnabled(p.FeatureId)).Distinct().ToList();
}
