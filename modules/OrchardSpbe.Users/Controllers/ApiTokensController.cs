using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Users.Services;
using OrchardSpbe.Users.ViewModels;

namespace OrchardSpbe.Users.Controllers;

/// <summary>
/// The signed-in user's API tokens: create one (shown once), see when each was used, revoke it. Any signed-in user
/// may: a token does only what its user's permissions allow.
/// </summary>
[Area("Users")]
[RequireFeature(Manifest.FeatureId)]
[Authorize]
[Route("admin/token")]
public sealed class ApiTokensController(ApiTokenStore tokens, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new ApiTokensViewModel(await tokens.ListAsync(UserName), null, null));

    [HttpPost("")]
    public async Task<IActionResult> Create(string? name, string? days)
    {
        string? error = null;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) error = T["Nama token wajib diisi (paling banyak 100 karakter)."];
        else if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var valid) || valid is < 1 or > ApiTokenStore.MaxDays)
            error = T["Masa berlaku 1 sampai {0} hari.", ApiTokenStore.MaxDays];
        if (error is not null)
        {
            Response.StatusCode = 400;
            return View("Index", new ApiTokensViewModel(await tokens.ListAsync(UserName), null, error));
        }
        var (secret, _) = await tokens.CreateAsync(UserName, name!.Trim(), int.Parse(days!, CultureInfo.InvariantCulture));
        return View("Index", new ApiTokensViewModel(await tokens.ListAsync(UserName), secret, null));
    }

    [HttpPost("{id}/cabut")]
    public async Task<IActionResult> Revoke(string id)
    {
        if (!await tokens.RevokeAsync(id, UserName)) return NotFound();
        TempData["Message"] = T["Token dicabut."].Value;
        return Redirect(Url.Content("~/admin/token"));
    }

    private string UserName => User.Identity?.Name ?? "";
}
