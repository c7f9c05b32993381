using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.Services;
using OrchardSpbe.PublicSite.ViewModels;
using OrchardSpbe.Tenants;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.PublicSite.Controllers;

/// <summary>
/// The public home. On the city portal: the latest news and coming agenda of every PD (two catalog
/// queries, however many PDs) and the PD directory. On a PD site: its name, contact, news and agenda.
/// </summary>
[Area("PublicSite")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class HomeController(TenantContext tenant, PdDirectory directory, CatalogCards catalog, FeedLinks feeds) : Controller
{
    public const int PortalNewsCount = 6;
    public const int PortalAgendaCount = 5;
    public const int PdNewsCount = 3;
    public const int PdAgendaCount = 3;

    [HttpGet("")]
    [PublicPage]
    public async Task<IActionResult> Index()
    {
        Response.Headers.CacheControl = PublicPages.Revalidate;
        feeds.Announce(HttpContext);
        if (!tenant.IsDefault)
        {
            return View("PdHome", new PdHomeViewModel
            {
                Settings = tenant.Shell.Settings,
                News = (await catalog.NewsAsync(tenant.Name, 1, PdNewsCount)).Cards,
                Agenda = (await catalog.UpcomingAgendaAsync(tenant.Name, 1, PdAgendaCount)).Cards,
            });
        }
        return View("PortalHome", new PortalHomeViewModel
        {
            Settings = tenant.Shell.Settings,
            News = (await catalog.NewsAsync(null, 1, PortalNewsCount)).Cards,
            Agenda = (await catalog.UpcomingAgendaAsync(null, 1, PortalAgendaCount)).Cards,
            Directory = directory.Groups(),
        });
    }
}
