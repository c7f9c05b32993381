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
        // Derived colours keep every text readable on and around the PD's chosen colour (see ThemeColors).
        Response.Headers.CacheControl = "public, max-age=60";
        return Content(ThemeColors.From(tenant.Shell.Settings.PrimaryColor).ToCss(), "text/css");
    }
}
