using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Menus.Models;
using OrchardSpbe.Menus.Services;
using OrchardSpbe.Menus.ViewModels;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Menus.Controllers;

/// <summary>
/// The site's main menu: add, edit, move and delete entries with plain forms (no script needed). Every
/// form posts the menu's version; a change against an older version is refused and changes nothing.
/// </summary>
[Area("Menus")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageMenus")]
[Route("admin/menus")]
public sealed class MenusController(
    MainMenuStore store,
    TenantContext tenant,
    TenantSession session,
    AuditLog audit,
    IChangeBus changes,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var (menu, version) = await store.GetAsync();
        return View(new MenuIndexViewModel { Menu = menu, Version = version });
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(string? parentId)
    {
        var (menu, version) = await store.GetAsync();
        return View("Edit", WithParents(new MenuItemViewModel { ParentId = menu.TopLevel(parentId)?.Id, Version = version }, menu));
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(MenuItemViewModel model)
    {
        var (menu, version) = await store.GetAsync();
        var parent = ParentOf(model, menu, entry: null);
        CheckUrl(model);
        if (!ModelState.IsValid) return View("Edit", WithParents(model, menu));
        if (model.Version != version) return Stale("Edit", WithParents(model, menu), version);

        var entry = new MenuEntry { Text = model.Text.Trim(), Url = MenuUrl.Normalize(model.Url)! };
        menu.Place(entry, parent);
        return await SaveAsync(menu, version, $"add: {entry.Text} -> {entry.Url}", T["Item menu '{0}' ditambahkan.", entry.Text])
               ?? Stale("Edit", WithParents(model, menu), version);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var (menu, version) = await store.GetAsync();
        if (menu.Find(id) is not (var entry, _, var parent)) return NotFound();
        return View(WithParents(new MenuItemViewModel
        {
            Id = entry.Id, Text = entry.Text, Url = entry.Url, ParentId = parent?.Id, Version = version, HasChildren = entry.Children.Count > 0,
        }, menu));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, MenuItemViewModel model)
    {
        var (menu, version) = await store.GetAsync();
        model.Id = id;
        if (menu.Find(id) is not (var entry, _, _))
        {
            // Deleted by someone else since this form was opened.
            if (model.Version != version) return Stale(nameof(Index));
            return NotFound();
        }
        model.HasChildren = entry.Children.Count > 0;
        var parent = ParentOf(model, menu, entry);
        CheckUrl(model);
        if (!ModelState.IsValid) return View(WithParents(model, menu));
        if (model.Version != version) return Stale("Edit", WithParents(model, menu), version);

        entry.Text = model.Text.Trim();
        entry.Url = MenuUrl.Normalize(model.Url)!;
        menu.Place(entry, parent);
        return await SaveAsync(menu, version, $"edit: {entry.Text} -> {entry.Url}", T["Item menu '{0}' disimpan.", entry.Text])
               ?? Stale("Edit", WithParents(model, menu), version);
    }

    [HttpPost("{id}/up")]
    public Task<IActionResult> Up(string id, int version) => MoveAsync(id, version, -1);

    [HttpPost("{id}/down")]
    public Task<IActionResult> Down(string id, int version) => MoveAsync(id, version, +1);

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var (menu, version) = await store.GetAsync();
        if (menu.Find(id) is not (var entry, _, _)) return NotFound();
        ViewBag.Version = version;
        return View(entry);
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, int version)
    {
        var (menu, current) = await store.GetAsync();
        if (version != current) return Stale(nameof(Index));
        if (menu.Find(id) is not (var entry, _, _)) return NotFound();
        menu.Remove(id);
        return await SaveAsync(menu, current, $"delete: {entry.Text} ({entry.Children.Count} sub-items)", T["Item menu '{0}' dihapus.", entry.Text])
               ?? Stale(nameof(Index));
    }

    private async Task<IActionResult> MoveAsync(string id, int version, int step)
    {
        var (menu, current) = await store.GetAsync();
        if (version != current) return Stale(nameof(Index));
        if (menu.Find(id) is not (var entry, _, _)) return NotFound();
        if (!menu.Move(id, step)) return RedirectToAction(nameof(Index));
        return await SaveAsync(menu, current, $"move {(step < 0 ? "up" : "down")}: {entry.Text}", T["Item menu '{0}' dipindahkan.", entry.Text])
               ?? Stale(nameof(Index));
    }

    /// <summary>Saves, audits and announces the change; null when someone saved first (nothing written).</summary>
    private async Task<IActionResult?> SaveAsync(MainMenu menu, int version, string details, LocalizedString done)
    {
        await using (var transaction = await session.BeginTransactionAsync())
        {
            if (!await store.SaveAsync(menu, version)) return null;
            await audit.RecordAsync("menu.updated", MainMenu.DocumentId, details);
            await transaction.CommitAsync();
        }
        // Rebuilds the shell (dropping the cached menu) and evicts the tenant's cached pages, on every node.
        await changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name));
        TempData["Message"] = done.Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Only site paths and http(s) addresses (see MenuUrl): javascript:, data: and the like never reach a page.</summary>
    private void CheckUrl(MenuItemViewModel model)
    {
        if (ModelState.GetFieldValidationState(nameof(model.Url)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid) return;
        if (MenuUrl.Normalize(model.Url) is null)
            ModelState.AddModelError(nameof(model.Url), T["Alamat tautan harus berupa alamat di situs ini yang diawali / (misalnya /profil) atau alamat lengkap http:// atau https://."]);
    }

    /// <summary>The chosen parent, after checking the two-level rule; adds a model error when it is not allowed.</summary>
    private MenuEntry? ParentOf(MenuItemViewModel model, MainMenu menu, MenuEntry? entry)
    {
        if (string.IsNullOrEmpty(model.ParentId)) return null;
        var parent = menu.TopLevel(model.ParentId);
        if (parent is null || parent == entry)
            ModelState.AddModelError(nameof(model.ParentId), T["Pilih induk dari daftar."]);
        else if (entry is { Children.Count: > 0 })
            ModelState.AddModelError(nameof(model.ParentId), T["Item yang memiliki sub-item tidak dapat dijadikan sub-item."]);
        return parent == entry ? null : parent;
    }

    private MenuItemViewModel WithParents(MenuItemViewModel model, MainMenu menu)
    {
        model.Parents = menu.Items.Where(i => i.Id != model.Id).Select(i => (i.Id, i.Text)).ToList();
        return model;
    }

    private IActionResult Stale(string view, MenuItemViewModel model, int version)
    {
        ModelState.AddModelError("", T[CommonText.StaleEdit]);
        // The form keeps what was typed; saving again applies it on top of the newer menu.
        model.Version = version;
        ModelState.Remove(nameof(model.Version));
        return View(view, model);
    }

    private IActionResult Stale(string action)
    {
        TempData["Error"] = T[CommonText.StaleEdit].Value;
        return RedirectToAction(action);
    }
}
