using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;

namespace OrchardSpbe.PublicSite.Tests;

/// <summary>
/// Feed readers and search engines: every site has RSS and Atom feeds of its news and agenda (the portal's
/// gather every PD), a robots.txt and a sitemap.xml of its published pages. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class FeedsAndCrawlerTests(PortalSiteFixture fixture)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_portal_feeds_carry_every_pd_items_as_valid_rss_and_atom_with_absolute_links_to_the_pd()
    {
        var a = "dinkes" + PdActions.Suffix();
        var b = "disdik" + PdActions.Suffix();
        await Site.CreateTenantAsync(a, "Dinas Kesehatan " + a);
        await Site.CreateTenantAsync(b, "Dinas Pendidikan " + b);
        await Site.PublishAsync(a, PdActions.News("n1", "Imunisasi " + a, DateTimeOffset.UtcNow));
        await Site.PublishAsync(b, PdActions.News("n1", "PPDB " + b, DateTimeOffset.UtcNow));
        using var visitor = Site.NewVisitor();

        var rss = await visitor.GetAsync(Site.Url(null, "/feeds/berita.rss"));
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        var rssDocument = XDocument.Parse(await rss.Content.ReadAsStringAsync());
        Assert.Equal("2.0", (string?)rssDocument.Root!.Attribute("version"));
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(rssDocument.ToString())));
        Assert.Equal("Berita Pemerintah Kota Bekasi", feed.Title.Text);
        var item = Assert.Single(feed.Items, i => i.Title.Text == "Imunisasi " + a);
        Assert.Equal(Site.Url(a, "/berita/n1"), item.Links.Single().Uri);
        Assert.Contains(item.Categories, c => c.Name == "Dinas Kesehatan " + a);
        Assert.Contains(feed.Items, i => i.Title.Text == "PPDB " + b && i.Links.Single().Uri == Site.Url(b, "/berita/n1"));

        var atom = await visitor.GetAsync(Site.Url(null, "/feeds/berita.atom"));
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var atomText = await atom.Content.ReadAsStringAsync();
        Assert.Equal(XName.Get("feed", "http://www.w3.org/2005/Atom"), XDocument.Parse(atomText).Root!.Name);
        var atomFeed = SyndicationFeed.Load(XmlReader.Create(new StringReader(atomText)));
        var entry = Assert.Single(atomFeed.Items, i => i.Title.Text == "Imunisasi " + a);
        Assert.Equal(Site.Url(a, "/berita/n1"), entry.Links.Single(l => l.RelationshipType is null or "alternate").Uri);
        Assert.Equal("Dinas Kesehatan " + a, entry.Authors.Single().Name);
        Assert.Contains(atomFeed.Links, l => l.RelationshipType == "self" && l.Uri == Site.Url(null, "/feeds/berita.atom"));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(null, "/feeds/berita.json"))).StatusCode);
    }

    [Fact]
    public async Task A_pd_agenda_feed_has_only_its_own_coming_events_with_time_and_place()
    {
        var pd = "kec" + PdActions.Suffix();
        var other = "kec" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        await Site.CreateTenantAsync(other);
        await Site.PublishAsync(pd,
            PdActions.Agenda("a1", "Posyandu " + pd, new DateTimeOffset(2099, 11, 22, 2, 0, 0, TimeSpan.Zero), "Balai RW 05"),
            PdActions.Agenda("old", "Lomba " + pd, DateTimeOffset.UtcNow.AddDays(-3), "Lapangan"));
        await Site.PublishAsync(other, PdActions.Agenda("a1", "Rapat " + other, DateTimeOffset.UtcNow.AddDays(2), "Aula"));
        using var visitor = Site.NewVisitor();

        foreach (var format in new[] { "rss", "atom" })
        {
            var text = await visitor.Http.GetStringAsync(Site.Url(pd, "/feeds/agenda." + format));
            var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(text)));
            // Besides the sample agenda every PD site starts with: its own coming event, not the past one, not the other PD's.
            var item = Assert.Single(feed.Items, i => i.Title.Text.EndsWith(pd) || i.Title.Text.EndsWith(other));
            Assert.Equal("Posyandu " + pd, item.Title.Text);
            Assert.Equal(Site.Url(pd, "/agenda/a1"), item.Links.First(l => l.RelationshipType is null or "alternate").Uri);
            Assert.Contains("22 November 2099, 09.00 WIB", item.Summary.Text);
            Assert.Contains("Balai RW 05", item.Summary.Text);
        }
    }

    [Fact]
    public async Task Home_pages_announce_their_feeds()
    {
        var pd = "dinas" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        using var visitor = Site.NewVisitor();
        foreach (var tenant in new[] { null, pd })
        {
            var home = await visitor.OpenAsync(Site.Url(tenant));
            var links = string.Join(",", home.Response.Headers.GetValues("Link"));
            Assert.Contains($"<{Site.Url(tenant, "/feeds/berita.rss")}>; rel=\"alternate\"; type=\"application/rss+xml\"", links);
            Assert.Contains($"<{Site.Url(tenant, "/feeds/agenda.atom")}>; rel=\"alternate\"; type=\"application/atom+xml\"", links);
            Assert.NotNull(home.Document.QuerySelector("a[rel=alternate][type='application/rss+xml'][href='/feeds/berita.rss']"));
        }
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap()
    {
        var pd = "dinas" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        using var visitor = Site.NewVisitor();
        var robots = await visitor.GetAsync(Site.Url(pd, "/robots.txt"));
        Assert.Equal("text/plain", robots.Content.Headers.ContentType!.MediaType);
        var lines = (await robots.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /api", lines);
        Assert.Contains($"Sitemap: {Site.Url(pd, "/sitemap.xml")}", lines);
    }

    [Fact]
    public async Task The_sitemap_lists_the_home_and_every_published_item_with_its_address_but_no_draft()
    {
        var pd = "dinas" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        var modified = new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);
        // What the Contents module writes when an item with an address is published, and a draft's route.
        await Site.InTransactionAsync(pd, async scope =>
        {
            var session = scope.GetRequiredService<TenantSession>();
            await InsertItemAsync(session, "item1", "berita/jalan-baru", published: true, modified);
            await InsertItemAsync(session, "item2", "profil", published: true, modified.AddDays(1));
            await InsertItemAsync(session, "item3", "berita/rahasia", published: false, modified);
        });
        using var visitor = Site.NewVisitor();

        var response = await visitor.GetAsync(Site.Url(pd, "/sitemap.xml"));
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var urlset = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Sitemap + "urlset", urlset.Name);
        Assert.All(urlset.Elements(), url => Assert.Equal(Sitemap + "url", url.Name));
        var entries = urlset.Elements(Sitemap + "url").ToDictionary(u => (string)u.Element(Sitemap + "loc")!, u => (string?)u.Element(Sitemap + "lastmod"));
        Assert.Equal("2026-05-04T03:02:01Z", entries[Site.Url(pd, "/berita/jalan-baru").ToString()]);
        Assert.Equal("2026-05-05T03:02:01Z", entries[Site.Url(pd, "/profil").ToString()]);
        Assert.True(entries.ContainsKey(Site.Url(pd).ToString()));
        Assert.DoesNotContain(Site.Url(pd, "/berita/rahasia").ToString(), entries.Keys);
        Assert.All(entries.Keys, loc => Assert.True(Uri.IsWellFormedUriString(loc, UriKind.Absolute)));

        var portal = XDocument.Parse(await visitor.Http.GetStringAsync(Site.Url(null, "/sitemap.xml"))).Root!;
        var portalLocs = portal.Elements(Sitemap + "url").Select(u => (string)u.Element(Sitemap + "loc")!).ToList();
        Assert.Contains(Site.Url(null).ToString(), portalLocs);
        Assert.Contains(Site.Url(null, "/berita").ToString(), portalLocs);
        Assert.Contains(Site.Url(null, "/perangkat-daerah/dinas").ToString(), portalLocs);
    }

    private static async Task InsertItemAsync(TenantSession session, string id, string path, bool published, DateTimeOffset modified)
    {
        var documentId = await session.ExecuteScalarAsync<long>("""
            INSERT INTO content_items (content_item_id, content_item_version_id, content_type, display_text, number, latest, published,
                created_utc, modified_utc, published_utc, data)
            VALUES (@id, @version, 'Page', @id, 1, TRUE, @published, @at, @at, @publishedAt, '{}') RETURNING id
            """, new { id, version = id + "-v1", published, at = UnixTime.Ms(modified), publishedAt = published ? UnixTime.Ms(modified) : (long?)null });
        await session.ExecuteAsync("INSERT INTO autoroute_index (document_id, content_item_id, path) VALUES (@documentId, @id, @path)",
            new { documentId, id, path });
    }
}

public sealed class FeedsAndCrawlerOnSqlite(PortalOnSqlite fixture) : FeedsAndCrawlerTests(fixture), IClassFixture<PortalOnSqlite>;

public sealed class FeedsAndCrawlerOnPostgres(PortalOnPostgres fixture) : FeedsAndCrawlerTests(fixture), IClassFixture<PortalOnPostgres>;
