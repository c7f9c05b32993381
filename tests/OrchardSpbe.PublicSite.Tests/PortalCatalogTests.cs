using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Catalog;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Tests;

/// <summary>
/// A PD publishes news and agenda; a visitor of the city portal sees them at once, linked to the PD's own
/// site and named after the PD — and no longer sees them once withdrawn, or while the PD is disabled.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class PortalCatalogTests(PortalSiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task News_a_pd_publishes_is_on_the_portal_home_in_the_next_request_linked_to_the_pd_site()
    {
        var pd = "dinkes" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd, "Dinas Kesehatan " + pd);
        using var visitor = Site.NewVisitor();
        // The portal home is cached before the PD publishes: the commit must evict it.
        Assert.Empty(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Posyandu " + pd));

        await Site.PublishAsync(pd, PdActions.News("n1", "Posyandu " + pd, DateTimeOffset.UtcNow));

        var home = await visitor.OpenAsync(Site.Url(null));
        var card = Assert.Single(NewsCards(home, "Posyandu " + pd));
        Assert.Equal(Site.Url(pd, "/berita/n1").ToString(), card.QuerySelector(".card-title a")!.GetAttribute("href"));
        Assert.Equal("Dinas Kesehatan " + pd, card.QuerySelector(".card-source")!.TextContent.Trim());
        Assert.Equal(Site.Url(pd).ToString(), card.QuerySelector(".card-source")!.GetAttribute("href"));
        Assert.Equal("Ringkasan Posyandu " + pd, card.QuerySelector(".card-text")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_pd_home_shows_its_own_three_latest_news_and_coming_agenda_with_dates_in_wib()
    {
        var pd = "disdik" + PdActions.Suffix();
        var other = "dishub" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd, "Dinas Pendidikan " + pd);
        await Site.CreateTenantAsync(other);
        // Newer than the sample news a new PD site starts with (published in the days before), older than the paging test's.
        var day = DateTimeOffset.UtcNow.AddHours(-12);
        await Site.PublishAsync(pd, Enumerable.Range(1, 4).Select(i => PdActions.News("n" + i, $"Berita {i} {pd}", day.AddMinutes(i))).ToArray());
        await Site.PublishAsync(pd, PdActions.Agenda("a1", "Rapat " + pd, new DateTimeOffset(2099, 11, 22, 2, 0, 0, TimeSpan.Zero), "Aula Dinas"));
        await Site.PublishAsync(other, PdActions.News("x", "Berita lain " + other, DateTimeOffset.UtcNow));

        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(Site.Url(pd));
        Assert.Equal("Dinas Pendidikan " + pd, home.Heading);
        Assert.NotNull(home.Document.QuerySelector(".contact"));
        var news = home.Document.QuerySelectorAll(".pd-news .card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([$"Berita 4 {pd}", $"Berita 3 {pd}", $"Berita 2 {pd}"], news);
        Assert.Equal(day.AddMinutes(4).ToOffset(TimeSpan.FromHours(7)).ToString("d MMMM yyyy", new System.Globalization.CultureInfo("id-ID")),
            home.Document.QuerySelector(".pd-news .card-meta time")!.TextContent.Trim());
        var agenda = Assert.Single(home.Document.QuerySelectorAll(".pd-agenda .agenda-list > li"), li => li.TextContent.Contains("Rapat " + pd));
        // 02.00 UTC is 09.00 in Bekasi.
        Assert.Equal("22 November 2099, 09.00 WIB", agenda.QuerySelector("time.agenda-time")!.TextContent.Trim());
        Assert.Contains("Aula Dinas", agenda.TextContent);

        var otherHome = await visitor.OpenAsync(Site.Url(other));
        Assert.DoesNotContain("Rapat " + pd, otherHome.Document.QuerySelector(".pd-agenda")!.TextContent);
    }

    [Fact]
    public async Task A_withdrawn_news_item_leaves_the_portal_home_and_the_feeds()
    {
        var pd = "dinsos" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        await Site.PublishAsync(pd, PdActions.News("n1", "Bantuan sosial " + pd, DateTimeOffset.UtcNow));
        using var visitor = Site.NewVisitor();
        Assert.Single(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Bantuan sosial " + pd));
        Assert.Contains("Bantuan sosial " + pd, await visitor.Http.GetStringAsync(Site.Url(null, "/feeds/berita.rss")));

        await Site.WithdrawAsync(pd, CatalogKinds.News, "n1");

        Assert.Empty(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Bantuan sosial " + pd));
        Assert.DoesNotContain("Bantuan sosial " + pd, await visitor.Http.GetStringAsync(Site.Url(null, "/feeds/berita.rss")));
        Assert.DoesNotContain("Bantuan sosial " + pd, await visitor.Http.GetStringAsync(Site.Url(pd, "/feeds/berita.atom")));
    }

    [Fact]
    public async Task A_disabled_pd_drops_out_of_the_portal_at_once_comes_back_when_enabled_and_leaves_nothing_when_deleted()
    {
        var pd = "dispar" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        await Site.PublishAsync(pd, PdActions.News("n1", "Festival " + pd, DateTimeOffset.UtcNow));
        using var visitor = Site.NewVisitor();
        Assert.Single(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Festival " + pd));

        var tenants = Site.Services.GetRequiredService<TenantManager>();
        Assert.True((await tenants.DisableAsync(pd)).Succeeded);
        Assert.Empty(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Festival " + pd));
        Assert.DoesNotContain("Festival " + pd, await visitor.Http.GetStringAsync(Site.Url(null, "/berita")));

        Assert.True((await tenants.EnableAsync(pd)).Succeeded);
        Assert.Single(NewsCards(await visitor.OpenAsync(Site.Url(null)), "Festival " + pd));

        Assert.True((await tenants.DisableAsync(pd)).Succeeded);
        Assert.True((await tenants.DeleteAsync(pd)).Succeeded);
        Assert.Equal(0, await Site.HostCatalogRowsAsync(pd));
    }

    [Fact]
    public async Task Coming_agenda_is_soonest_first_and_what_has_started_is_on_the_past_agenda_page()
    {
        var pd = "kec" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd, "Kecamatan " + pd);
        var now = DateTimeOffset.UtcNow;
        await Site.PublishAsync(pd,
            PdActions.Agenda("later", "Musrenbang " + pd, now.AddMinutes(20), "Kantor Kecamatan"),
            PdActions.Agenda("soon", "Kerja bakti " + pd, now.AddMinutes(10), "Balai Warga"),
            PdActions.Agenda("past", "Senam pagi " + pd, now.AddDays(-1), "Lapangan"));

        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(Site.Url(null));
        var titles = home.Document.QuerySelectorAll(".portal-agenda .agenda-list .agenda-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Kerja bakti " + pd, "Musrenbang " + pd], titles.Take(2));
        Assert.DoesNotContain("Senam pagi " + pd, titles);
        var first = home.Document.QuerySelector(".portal-agenda .agenda-list > li")!;
        Assert.Equal("Kecamatan " + pd, first.QuerySelector(".card-source")!.TextContent.Trim());
        Assert.Equal(Site.Url(pd, "/agenda/soon").ToString(), first.QuerySelector(".agenda-title a")!.GetAttribute("href"));

        var upcoming = await visitor.OpenAsync(Site.Url(null, "/agenda"));
        Assert.Equal(HttpStatusCode.OK, upcoming.Status);
        Assert.Contains("Kerja bakti " + pd, upcoming.Document.QuerySelector(".agenda-list")!.TextContent);
        Assert.DoesNotContain("Senam pagi " + pd, upcoming.Document.QuerySelector(".agenda-list")!.TextContent);

        var past = await visitor.OpenAsync(Site.Url(null, "/agenda/lalu"));
        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Contains("Senam pagi " + pd, past.Document.QuerySelector(".agenda-list")!.TextContent);
        Assert.DoesNotContain("Kerja bakti " + pd, past.Document.QuerySelector(".agenda-list")!.TextContent);
    }

    [Fact]
    public async Task The_portal_news_list_has_twelve_a_page_and_forgives_odd_page_numbers()
    {
        var pd = "bappeda" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        // Newer than anything other tests publish, so this PD's items lead the list.
        var start = DateTimeOffset.UtcNow.AddDays(1);
        await Site.PublishAsync(pd, Enumerable.Range(1, 13).Select(i => PdActions.News("n" + i, $"Kabar {i:00} {pd}", start.AddMinutes(i))).ToArray());
        try
        {
            await AssertPagingAsync(pd);
        }
        finally
        {
            // Out of the way of the other tests' "latest news".
            await Site.Services.GetRequiredService<TenantManager>().DisableAsync(pd);
        }
    }

    private async Task AssertPagingAsync(string pd)
    {
        using var visitor = Site.NewVisitor();
        var first = await visitor.OpenAsync(Site.Url(null, "/berita"));
        var titles = first.Document.QuerySelectorAll(".card-grid .card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Equal($"Kabar 13 {pd}", titles[0]);
        Assert.Equal($"Kabar 02 {pd}", titles[11]);
        var next = first.Document.QuerySelector(".pagination a[rel=next]")!;
        Assert.Equal("/berita?page=2", next.GetAttribute("href"));

        var second = await visitor.OpenAsync(new Uri(first.Url, next.GetAttribute("href")));
        Assert.Equal($"Kabar 01 {pd}", second.Document.QuerySelector(".card-grid .card-title a")!.TextContent.Trim());
        Assert.Equal("2", second.Document.QuerySelector(".pagination [aria-current=page]")!.TextContent.Trim());

        foreach (var odd in new[] { "abc", "-1", "0", "99999999999", "1e3", "%00" })
        {
            var page = await visitor.OpenAsync(Site.Url(null, "/berita?page=" + odd));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal($"Kabar 13 {pd}", page.Document.QuerySelector(".card-grid .card-title a")!.TextContent.Trim());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(null, "/berita?page=9999"))).StatusCode);
    }

    [Fact]
    public async Task The_directory_lists_pd_sites_by_category_and_an_unknown_category_is_not_found()
    {
        var pd = "kecbt" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd, "Kecamatan Bekasi Timur " + pd);
        await Site.Services.GetRequiredService<TenantManager>().UpdateAsync(pd, new UpdateTenantRequest
        {
            DisplayName = "Kecamatan Bekasi Timur " + pd, Category = "Kecamatan", Hosts = [$"{pd}.bekasikota.go.id"],
        });
        using var visitor = Site.NewVisitor();

        var all = await visitor.OpenAsync(Site.Url(null, "/perangkat-daerah"));
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.NotNull(all.Document.QuerySelector("a[href='/perangkat-daerah/kecamatan']"));

        var category = await visitor.OpenAsync(Site.Url(null, "/perangkat-daerah/kecamatan"));
        Assert.Equal(HttpStatusCode.OK, category.Status);
        Assert.Equal("Kecamatan", category.Heading);
        var link = category.Document.QuerySelector($"a[data-tenant='{pd}']")!;
        Assert.Equal(Site.Url(pd).ToString(), link.GetAttribute("href"));
        Assert.Null(category.Document.QuerySelector(".directory a[href*='dinas']"));
        Assert.Equal("Kecamatan", (await visitor.OpenAsync(Site.Url(null, "/perangkat-daerah/KECAMATAN"))).Heading);

        foreach (var odd in new[] { "tidak-ada", "kecamatan-x", "%20", "..%2f..", "a.b", new string('x', 500) })
        {
            var response = await visitor.GetAsync(Site.Url(null, "/perangkat-daerah/" + odd));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{odd}: {response.StatusCode} {response.RequestMessage!.RequestUri}");
        }
    }

    [Fact]
    public async Task On_a_pd_site_the_portal_only_addresses_are_the_pd_own_content()
    {
        var pd = "diskominfo" + PdActions.Suffix();
        await Site.CreateTenantAsync(pd);
        using var visitor = Site.NewVisitor();

        foreach (var path in new[] { "berita", "agenda", "agenda/lalu", "perangkat-daerah", "perangkat-daerah/dinas" })
        {
            var onPd = await visitor.GetAsync(Site.Url(pd, "/" + path));
            Assert.Equal(HttpStatusCode.OK, onPd.StatusCode);
            Assert.Equal($"halaman konten {pd}: {path}", await onPd.Content.ReadAsStringAsync());
        }

        var portal = await visitor.OpenAsync(Site.Url(null, "/berita"));
        Assert.Equal("Berita perangkat daerah", portal.Heading);
        // Feeds, robots and sitemap are every site's, so the catch-all does not take them on a PD.
        Assert.Equal("application/rss+xml", (await visitor.GetAsync(Site.Url(pd, "/feeds/berita.rss"))).Content.Headers.ContentType!.MediaType);
    }

    private static IReadOnlyList<IElement> NewsCards(Page page, string title) =>
        page.Document.QuerySelectorAll(".portal-news .card").Where(c => c.QuerySelector(".card-title")?.TextContent.Trim() == title).ToList();
}

public sealed class PortalCatalogOnSqlite(PortalOnSqlite fixture) : PortalCatalogTests(fixture), IClassFixture<PortalOnSqlite>;

public sealed class PortalCatalogOnPostgres(PortalOnPostgres fixture) : PortalCatalogTests(fixture), IClassFixture<PortalOnPostgres>;
