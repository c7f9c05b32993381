using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.Services;
using OrchardSpbe.Users.ViewModels;

namespace OrchardSpbe.Users.Controllers;

/// <summary>A tenant administrator manages the people who may sign in to this site.</summary>
[Area("Users")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageUsers")]
[Route("admin/users")]
public sealed class UsersController(
    UserManager<SpbeUser> users,
    RoleStore roles,
    UserDirectory directory,
    TenantSession session,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        page = Math.Max(1, page);
        var (list, total) = await directory.SearchAsync(q, page, PageSize);
        ViewBag.Query = q;
        ViewBag.Page = page;
        ViewBag.PageCount = OrchardSpbe.Navigation.Pager.PageCountOf(total, PageSize);
        ViewBag.Total = total;
        return View(list);
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await WithRolesAsync(new UserEditViewModel()));

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserEditViewModel model)
    {
        if (string.IsNullOrEmpty(model.Password)) ModelState.AddModelError(nameof(model.Password), T["Kata sandi wajib diisi."]);
        if (!ModelState.IsValid) return View("Edit", await WithRolesAsync(model));

        await using var transaction = await session.BeginTransactionAsync();
        var user = new SpbeUser { UserName = model.UserName.Trim(), Email = model.Email.Trim(), DisplayName = model.DisplayName?.Trim() ?? "", IsEnabled = model.IsEnabled };
        var result = await users.CreateAsync(user, model.Password!);
        if (result.Succeeded && model.Roles.Count > 0) result = await users.AddToRolesAsync(user, await ExistingRolesAsync(model.Roles));
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View("Edit", await WithRolesAsync(model));
        }
        await audit.RecordAsync("user.created", user.UserName, string.Join(", ", model.Roles));
        await transaction.CommitAsync();
        TempData["Message"] = T["Pengguna '{0}' dibuat.", user.UserName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        return View(await WithRolesAsync(new UserEditViewModel
        {
            Id = user.Id,
            UserName = user.UserName,
            Email = user.Email,
            DisplayName = user.DisplayName,
            IsEnabled = user.IsEnabled,
            Roles = (await users.GetRolesAsync(user)).ToList(),
            ConcurrencyStamp = user.ConcurrencyStamp,
        }));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserEditViewModel model)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        model.Id = id;
        if (!ModelState.IsValid) return View(await WithRolesAsync(model));
        if (model.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            ModelState.AddModelError("", T[CommonText.StaleEdit]);
            return View(await WithRolesAsync(model));
        }

        var currentRoles = await users.GetRolesAsync(user);
        var wantedRoles = await ExistingRolesAsync(model.Roles);
        var losesAdmin = (!model.IsEnabled || !wantedRoles.Contains(StandardRoles.Administrator)) && await directory.IsLastAdministratorAsync(user);
        if (losesAdmin)
        {
            ModelState.AddModelError("", T["Harus ada paling sedikit satu administrator aktif."]);
            return View(await WithRolesAsync(model));
        }

        await using var transaction = await session.BeginTransactionAsync();
        var rolesChanged = !currentRoles.Order().SequenceEqual(wantedRoles.Order());
        var access = rolesChanged || user.IsEnabled != model.IsEnabled;
        user.Email = model.Email.Trim();
        user.DisplayName = model.DisplayName?.Trim() ?? "";
        user.IsEnabled = model.IsEnabled;
        var result = await users.SetUserNameAsync(user, model.UserName.Trim());
        if (result.Succeeded) result = await users.SetEmailAsync(user, user.Email);
        if (result.Succeeded && !string.IsNullOrEmpty(model.Password))
        {
            result = await users.RemovePasswordAsync(user);
            if (result.Succeeded) result = await users.AddPasswordAsync(user, model.Password);
        }
        if (result.Succeeded && rolesChanged)
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles.Except(wantedRoles));
            if (result.Succeeded) result = await users.AddToRolesAsync(user, wantedRoles.Except(currentRoles));
        }
        // A disabled user or changed roles: existing sign-ins are re-checked and end within a minute.
        if (result.Succeeded && access) result = await users.UpdateSecurityStampAsync(user);
        if (result.Succeeded) result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(await WithRolesAsync(model));
        }
        await audit.RecordAsync("user.updated", user.UserName,
            $"roles: {string.Join(", ", wantedRoles)}; enabled: {user.IsEnabled}{(string.IsNullOrEmpty(model.Password) ? "" : "; password reset")}");
        await transaction.CommitAsync();
        TempData["Message"] = T["Perubahan pada pengguna '{0}' disimpan.", user.UserName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier))
            TempData["Error"] = T["Anda tidak dapat menghapus akun Anda sendiri."].Value;
        else if (await directory.IsLastAdministratorAsync(user))
            TempData["Error"] = T["Harus ada paling sedikit satu administrator aktif."].Value;
        else
        {
            await using var transaction = await session.BeginTransactionAsync();
            await users.DeleteAsync(user);
            await audit.RecordAsync("user.deleted", user.UserName);
            await transaction.CommitAsync();
            TempData["Message"] = T["Pengguna '{0}' dihapus.", user.UserName].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<UserEditViewModel> WithRolesAsync(UserEditViewModel model)
    {
        model.AvailableRoles = (await roles.ListAsync()).Select(r => r.Name).ToList();
        return model;
    }

    private async Task<List<string>> ExistingRolesAsync(IEnumerable<string> names)
    {
        var known = (await roles.ListAsync()).Select(r => r.Name).ToHashSet();
        return names.Where(known.Contains).Distinct().ToList();
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(UserEditViewModel.Password)
                : error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(UserEditViewModel.Email)
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserEditViewModel.UserName)
                : "";
            ModelState.AddModelError(field, error.Description);
        }
    }
}
