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

    /// <summary>The platform's icon in the browser tab (issue 16 §8); browsers that ask for /favicon.ico are sent to it.</summary>
    [HttpGet("favicon.svg")]
    public IActionResult Favicon()
    {
        Response.Headers.CacheControl = "public, max-age=86400";
        return Content(FaviconSvg, "image/svg+xml");
    }

    [HttpGet("favicon.ico")]
    public IActionResult FaviconIco() => RedirectPermanent(Request.PathBase + "/favicon.svg");

    private const string FaviconSvg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><path d="M9 7h7.5a4.5 4.5 0 0 1 0 9H9zm0 9h8.5a4.5 4.5 0 0 1 0 9H9z" fill="none" stroke="#fff" stroke-width="3"/></svg>
        """;

    [HttpGet("site/theme.css")]
    public IActionResult ThemeCss()
    {
        // Derived colours keep every text readable on and around the PD's chosen colour (see ThemeColors).
        Response.Headers.CacheControl = "public, max-age=60";
        return Content(ThemeColors.From(tenant.Shell.Settings.PrimaryColor).ToCss(), "text/css");
    }
}
