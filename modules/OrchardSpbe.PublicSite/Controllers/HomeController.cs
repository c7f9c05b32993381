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
            .Select(g => (g.Key, (IReadOnlyList<PdSiteLink>)g.OrderBy(t => t.DisplayName).Select(t => new PdSiteLink(t.Name, t.DisplayName, UrlOf(t))).ToList()))
            .ToList();
        return View("PortalHome", new PortalHomeViewModel { Settings = tenant.Shell.Settings, Directory = directory });
    }

    /// <summary>The PD's public address, in the form of the current request (…localhost:5000 on a developer's machine).</summary>
    private string UrlOf(TenantRecord pd)
    {
        var port = Request.Host.Port is int p ? ":" + p : "";
        var host = pd.Hosts.Count > 0 ? hostNames.ToRequestForm(pd.Hosts[0], Request.Host.Host) : Request.Host.Host;
        var prefix = pd.UrlPrefix is null ? "" : pd.UrlPrefix + "/";
        return $"{Request.Scheme}://{host}{port}/{prefix}";
    }
}
