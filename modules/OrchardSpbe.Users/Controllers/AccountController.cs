using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Audit;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.ViewModels;

namespace OrchardSpbe.Users.Controllers;

/// <summary>Sign-in and sign-out of a tenant's admin.</summary>
[Area("Users")]
[RequireFeature(Manifest.FeatureId)]
public sealed class AccountController(
    SignInManager<SpbeUser> signIn,
    UserManager<SpbeUser> users,
    AuditLog audit,
    IOptions<SpbeOptions> options,
    ILogger<AccountController> logger,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("admin/login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("admin/login")]
    [AllowAnonymous]
    [EnableRateLimiting(SpbeBuilder.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.FindByNameAsync(model.UserName.Trim()) ?? await users.FindByEmailAsync(model.UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("user.signed-in", user!.UserName, userName: user.UserName);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : Url.Content("~/admin"));
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? T["Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {0} menit.", options.Value.Security.LockoutMinutes]
            : result.IsNotAllowed ? T["Akun ini dinonaktifkan. Hubungi administrator situs."]
            : T["Nama pengguna atau kata sandi salah."]);
        await audit.RecordAsync("user.sign-in-failed", model.UserName.Trim(), userName: model.UserName.Trim());
        logger.LogWarning("Sign-in failed for {UserName} from {ClientIp}: {Outcome}", model.UserName.Trim(),
            HttpContext.Connection.RemoteIpAddress, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "disabled" : "wrong credentials");
        return View(model);
    }

    [HttpPost("admin/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }

    [HttpGet("admin/access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
