using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>The language switch: Indonesian (default) or English, remembered in a cookie.</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpGet("culture/{code}")]
    public IActionResult Set(string code, string? returnUrl)
    {
        var culture = code == "en" ? "en-US" : "id-ID";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/" });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : Url.Content("~/"));
    }
}
