using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.Services;
using OrchardSpbe.Tenants;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.PublicSite.Controllers;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds of news and agenda on every site: a PD's own entries on its site, every
/// PD's on the city portal. Read from the portal catalog, so a withdrawn item leaves the feed at once.
/// </summary>
[Area("PublicSite")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
[PublicPage]
public sealed class FeedsController(TenantContext tenant, TenantUrls urls, CatalogCards catalog, TimeProvider clock, IStringLocalizer<Strings> T) : Controller
{
    public const int ItemCount = 30;

    [HttpGet("feeds/berita.{format}")]
    public async Task<IActionResult> News(string format)
    {
        if (ParseFormat(format) is not { } feedFormat) return NotFound();
        var page = await catalog.NewsAsync(Scope, 1, ItemCount);
        var items = page.Cards.Select(c => FeedWriter.Item(c, c.Summary ?? "", feedFormat));
        return Feed(T["Berita {0}", SiteName], T["Berita terbaru dari {0}.", SiteName], "berita", page, items, feedFormat);
    }

    [HttpGet("feeds/agenda.{format}")]
    public async Task<IActionResult> Agenda(string format)
    {
        if (ParseFormat(format) is not { } feedFormat) return NotFound();
        var page = await catalog.UpcomingAgendaAsync(Scope, 1, ItemCount);
        var items = page.Cards.Select(c => FeedWriter.Item(c, AgendaDescription(c), feedFormat));
        return Feed(T["Agenda {0}", SiteName], T["Agenda kegiatan mendatang dari {0}.", SiteName], "agenda", page, items, feedFormat);
    }

    // On the portal, every PD; on a PD site, its own entries.
    private string? Scope => tenant.IsDefault ? null : tenant.Name;

    private string SiteName => tenant.Shell.Settings.SiteName;

    private string AgendaDescription(CatalogCard card)
    {
        var when = card.StartText is null ? "" : T["Waktu: {0}", card.StartText] + (card.EndText is null ? "" : " – " + card.EndText) + ". ";
        var where = string.IsNullOrWhiteSpace(card.Place) ? "" : T["Tempat: {0}", card.Place] + ". ";
        return (when + where + (card.Summary ?? "")).Trim();
    }

    private FileContentResult Feed(string title, string description, string name, CardPage page,
        IEnumerable<System.ServiceModel.Syndication.SyndicationItem> items, FeedFormat format)
    {
        var self = urls.Of(tenant.Shell.Record, $"feeds/{name}.{(format == FeedFormat.Rss ? "rss" : "atom")}");
        var updated = page.Cards.Count > 0 ? page.Cards.Max(c => c.Entry.PublishedUtc) : clock.GetUtcNow();
        var info = new FeedInfo(title, description, urls.RootOf(tenant.Shell.Record), self, SiteName, updated);
        Response.Headers.CacheControl = "public, max-age=300";
        return File(FeedWriter.Write(info, items, format), format == FeedFormat.Rss ? FeedWriter.RssContentType : FeedWriter.AtomContentType);
    }

    private static FeedFormat? ParseFormat(string format) => format switch
    {
        "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        _ => null,
    };
}
