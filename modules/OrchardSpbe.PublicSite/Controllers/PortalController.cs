using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.Services;
using OrchardSpbe.PublicSite.ViewModels;
using OrchardSpbe.Tenants;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.PublicSite.Controllers;

/// <summary>
/// The city portal's own pages: the PD directory (all, or one category) and every PD's news and agenda.
/// [PortalOnly]: on a PD site these addresses are the PD's own content, not these pages.
/// </summary>
[Area("PublicSite")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[AllowAnonymous]
[PublicPage]
public sealed class PortalController(PdDirectory directory, CatalogCards catalog, TenantContext tenant, TenantUrls urls, PageHead head, IStringLocalizer<Strings> T) : Controller
{
    public const int PageSize = 12;

    [HttpGet("perangkat-daerah")]
    public IActionResult Directory() => View(new DirectoryViewModel { Groups = directory.Groups() });

    [HttpGet("perangkat-daerah/{kategori}")]
    public IActionResult Category(string kategori)
    {
        if (directory.Find(kategori) is not { } group) return NotFound();
        // /perangkat-daerah/DINAS shows the same page; search engines should keep the lower-case address.
        head.AddLink("canonical", urls.Of(tenant.Shell.Record, "perangkat-daerah/" + group.Slug));
        return View(new CategoryViewModel { Group = group });
    }

    [HttpGet("berita")]
    public async Task<IActionResult> News([FromQuery] string? page) =>
        List(T["Berita perangkat daerah"], "berita", await catalog.NewsAsync(null, PageNumber.Parse(page), PageSize, countTotal: true), "News");

    [HttpGet("agenda")]
    public async Task<IActionResult> Agenda([FromQuery] string? page) =>
        List(T["Agenda kegiatan"], "agenda", await catalog.UpcomingAgendaAsync(null, PageNumber.Parse(page), PageSize, countTotal: true), "Agenda");

    [HttpGet("agenda/lalu")]
    public async Task<IActionResult> PastAgenda([FromQuery] string? page) =>
        List(T["Agenda yang telah berlangsung"], "agenda/lalu", await catalog.PastAgendaAsync(null, PageNumber.Parse(page), PageSize, countTotal: true), "PastAgenda");

    // A page past the end is not a page (404), except page 1 of an empty list, which says it is empty.
    private IActionResult List(string title, string basePath, CardPage page, string view) =>
        page.Page > page.PageCount
            ? NotFound()
            : View(view, new CatalogListViewModel { Title = title, Page = page, BasePath = basePath });
}
