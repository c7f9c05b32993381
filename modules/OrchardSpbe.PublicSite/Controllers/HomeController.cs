using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.ViewModels;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Controllers;

/// <summary>The public home: on the city portal, every running PD site; on a PD site, its name and contact.</summary>
[Area("PublicSite")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class HomeController(TenantContext tenant, TenantRegistry registry, HostNames hostNames) : Controller
{
    private static readonly string[] CategoryOrder = ["Sekretariat", "Inspektorat", "Dinas", "Badan", "Kecamatan", "Kelurahan", "Lainnya"];

    [HttpGet("")]
    [OutputCache(PolicyName = AnonymousPageCachePolicy.Name)]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "public, max-age=30";
        if (!tenant.IsDefault) return View("PdHome", tenant.Shell.Settings);

        var directory = registry.All
            .Where(t => !t.IsDefault && t.State == TenantState.Running)
            .GroupBy(t => t.Category ?? "Lainnya")
            .OrderBy(g => Array.IndexOf(CategoryOrder, g.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<PdSiteLink>)g.OrderBy(t => t.DisplayName).Select(t => new PdSiteLink(t.Name, t.DisplayName, hostNames.HomeUrlOf(t, Request))).ToList()))
            .ToList();
        return View("PortalHome", new PortalHomeViewModel { Settings = tenant.Shell.Settings, Directory = directory });
    }
}
