using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Admin.Services;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>Public per-site assets: the logo and the colour sheet the themes link to (CSP forbids inline styles).</summary>
[AllowAnonymous]
public sealed class SiteAssetsController(TenantContext tenant, LogoFiles logos) : Controller
{
    [HttpGet("site/logo")]
    public IActionResult Logo()
    {
        var file = tenant.Shell.Settings.LogoFile;
        if (file is null) return NotFound();
        var path = logos.PathOf(tenant.Name, file);
        if (!System.IO.File.Exists(path)) return NotFound();
        Response.Headers.CacheControl = "public, max-age=300";
        return PhysicalFile(path, LogoFiles.ContentTypeOf(file));
    }

    [HttpGet("site/theme.css")]
    public IActionResult ThemeCss()
    {
        // The colour was validated as #rrggbb when saved, so it is safe to write into CSS.
        var color = tenant.Shell.Settings.PrimaryColor;
        Response.Headers.CacheControl = "public, max-age=60";
        return Content(string.Create(CultureInfo.InvariantCulture, $":root{{--primary:{color};}}\n"), "text/css");
    }
}
