using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.Services;
using OrchardSpbe.Tenants;
using OrchardSpbe.Text;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.PublicSite.Controllers;

/// <summary>
/// What search engines read first, per site: /robots.txt (everything public, not the admin or the API,
/// and where the sitemap is) and /sitemap.xml (the home, the portal's own pages on the portal, and every
/// published item with an address).
/// </summary>
[Area("PublicSite")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
[PublicPage]
public sealed class CrawlerController(TenantContext tenant, TenantUrls urls, PdDirectory directory, ContentStore contents) : Controller
{
    public static readonly XNamespace SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("robots.txt")]
    public IActionResult Robots()
    {
        var root = Request.PathBase.Value ?? "";
        var text = $"""
            User-agent: *
            Allow: {root}/
            Disallow: {root}/admin
            Disallow: {root}/api
            Sitemap: {urls.Of(tenant.Shell.Record, "sitemap.xml")}

            """;
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(text, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    // sitemaps.org: at most 50,000 addresses in one urlset.
    private const int MaxUrls = 50_000;

    [HttpGet("sitemap.xml")]
    public async Task<IActionResult> Sitemap()
    {
        var site = tenant.Shell.Record;
        var entries = new List<(string Path, DateTimeOffset? Modified)>();
        var items = tenant.Shell.IsFeatureEnabled(ContentMigrations.Feature)
            ? await contents.ListPublishedRoutesAsync(MaxUrls - 200)
            : [];
        entries.Add(("", items.Count > 0 ? items.Max(i => i.ModifiedUtc) : null));
        if (tenant.IsDefault)
        {
            entries.Add(("perangkat-daerah", null));
            entries.AddRange(directory.Groups().Select(g => ("perangkat-daerah/" + g.Slug, (DateTimeOffset?)null)));
            entries.Add(("berita", null));
            entries.Add(("agenda", null));
            entries.Add(("agenda/lalu", null));
        }
        entries.AddRange(items.Select(i => (i.Path.TrimStart('/'), (DateTimeOffset?)i.ModifiedUtc)));

        var urlset = new XElement(SitemapNamespace + "urlset",
            entries.DistinctBy(e => e.Path).Select(e => new XElement(SitemapNamespace + "url",
                new XElement(SitemapNamespace + "loc", urls.Of(site, e.Path)),
                e.Modified is { } modified
                    ? new XElement(SitemapNamespace + "lastmod", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                    : null)));
        using var buffer = new MemoryStream();
        using (var writer = SafeXmlWriter.Create(buffer))
            new XDocument(new XDeclaration("1.0", "utf-8", null), urlset).Save(writer);
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
