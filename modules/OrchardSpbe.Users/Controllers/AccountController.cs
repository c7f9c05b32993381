using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Audit;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.Services;
using OrchardSpbe.Users.ViewModels;

namespace OrchardSpbe.Users.Controllers;

/// <summary>Sign-in and sign-out of a tenant's admin.</summary>
[Area("Users")]
[RequireFeature(Manifest.FeatureId)]
public sealed class AccountController(
    SignInManager<SpbeUser> signIn,
    UserManager<SpbeUser> users,
    AuditLog audit,
    SignInThrottle throttle,
    BruteForceAlert bruteForce,
    TenantContext tenant,
    ILogger<AccountController> logger,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("admin/login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    /// <remarks>
    /// No request rate limit here: only failed attempts are limited (<see cref="SignInThrottle"/>), so a whole office
    /// behind one address signs in freely, and a throttled attempt gets this sign-in page with a message (issue 16 §7).
    /// </remarks>
    [HttpPost("admin/login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var userName = model.UserName.Trim();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        // Throttled before the password is even looked at, whether or not the user exists: the answer
        // is the same for every name, and a wait is not a lockout — the real user elsewhere is not slowed.
        var wait = throttle.Wait(tenant.Name, userName, client);
        if (wait <= TimeSpan.Zero) wait = throttle.AddressWait(tenant.Name, client);
        if (wait > TimeSpan.Zero)
        {
            if (throttle.Refused(tenant.Name, userName, client)) await bruteForce.AlertAsync(userName, client);
            return Throttled(model, wait);
        }

        var user = await users.FindByNameAsync(userName) ?? await users.FindByEmailAsync(userName);
        // The password is checked before anything about the account is said (disabled, for one), and an
        // unknown name costs one hash too, so neither the message nor the time tells which names exist.
        var passwordOk = user is null
            ? VerifyAgainstDummy(model.Password)
            : await users.CheckPasswordAsync(user, model.Password);
        if (user is not null && passwordOk)
        {
            throttle.Succeeded(tenant.Name, userName, client);
            if (!await signIn.CanSignInAsync(user))
            {
                ModelState.AddModelError("", T["Akun ini dinonaktifkan. Hubungi administrator situs."]);
                await audit.RecordAsync("user.sign-in-refused", user.UserName, "disabled", userName: user.UserName);
                return View(model);
            }
            await signIn.SignInAsync(user, model.RememberMe);
            await audit.RecordAsync("user.signed-in", user.UserName, userName: user.UserName);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : Url.Content("~/admin"));
        }

        var alert = throttle.Failed(tenant.Name, userName, client);
        await audit.RecordAsync("user.sign-in-failed", userName, userName: userName);
        logger.LogWarning("Sign-in failed for {UserName} from {ClientIp}", userName, client);
        if (alert) await bruteForce.AlertAsync(userName, client);
        ModelState.AddModelError("", T["Nama pengguna atau kata sandi salah."]);
        return View(model);
    }

    private IActionResult Throttled(LoginViewModel model, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        ModelState.AddModelError("", T["Terlalu banyak percobaan yang gagal. Coba lagi dalam {0} detik.", seconds]);
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return View(model);
    }

    // A hash of a random password, made once: verifying against it costs what a real user's check costs.
    private static string? _dummyHash;

    private bool VerifyAgainstDummy(string password)
    {
        var hasher = users.PasswordHasher;
        _dummyHash ??= hasher.HashPassword(new SpbeUser(), Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(new SpbeUser(), _dummyHash, password);
        return false;
    }

    [HttpPost("admin/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        // Said on the page it lands on, not done silently (issue 16 §8).
        TempData["Message"] = T["Anda telah keluar. Sampai jumpa."].Value;
        return LocalRedirect(Url.Content("~/admin/login"));
    }

    [HttpGet("admin/access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
