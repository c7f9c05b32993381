using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Search.Tests;

/// <summary>The public searches the city portal across every PD, in Indonesian.</summary>
public sealed class PortalSearchTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    // A PD publishes a news item; the portal finds it by another form of a word in it, shows its PD in the
    // facets and links to the PD's own address; the PD unpublishes it and it is gone.
    [Fact]
    public async Task Portal_finds_a_pd_news_item_by_a_stemmed_word_until_it_is_unpublished()
    {
        var desk = await NewsDesk.OpenAsync(Site, "bina", "Dinas Bina Marga Uji");
        var id = await desk.WriteNewsAsync("Warga Gotong Royong Membangun Jembatan Kampung",
            "<p>Warga RW 07 membangun jembatan bambu baru di atas Kali Cikeas.</p>", publish: true);
        using var visitor = Site.NewVisitor();

        var page = await visitor.SearchAsync(Site, null, "pembangunan jembatan");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains("Warga Gotong Royong Membangun Jembatan Kampung", page.HitTitles());
        var link = page.Document.QuerySelectorAll(".search-hit h3 a").First(a => a.TextContent.Contains("Gotong Royong")).GetAttribute("href")!;
        Assert.StartsWith($"http://{desk.Pd}.localhost:{Site.Port}/", link);
        // The PD's facet link narrows this search: it keeps the words and adds the PD.
        var facet = page.Document.QuerySelectorAll(".search-facet a").First(a => a.TextContent.Contains("Dinas Bina Marga Uji")).GetAttribute("href")!;
        Assert.Equal($"/search?q=pembangunan%20jembatan&pd={desk.Pd}", facet);
        Assert.Contains("<mark>", page.Html);

        // The same through the API, faceted by PD and PD category.
        var api = await visitor.ApiAsync(Site, null, "pembangunan jembatan");
        Assert.Contains("Warga Gotong Royong Membangun Jembatan Kampung", api.Titles());
        Assert.Contains(api.GetProperty("facets").GetProperty("pd").EnumerateArray(), f => f.GetProperty("value").GetString() == desk.Pd);
        Assert.Contains(api.GetProperty("facets").GetProperty("kategori").EnumerateArray(), f => f.GetProperty("value").GetString() == "Dinas");

        await desk.PostAsync($"/admin/contents/{id}/unpublish");
        Assert.DoesNotContain("Warga Gotong Royong Membangun Jembatan Kampung", (await visitor.SearchAsync(Site, null, "pembangunan jembatan")).HitTitles());
        Assert.DoesNotContain("Warga Gotong Royong Membangun Jembatan Kampung", (await visitor.SearchAsync(Site, desk.Pd, "jembatan")).HitTitles());
    }

    // Diskominfostandi disables a PD: its items leave the portal's search at once; deleted, its index goes too.
    [Fact]
    public async Task A_disabled_pd_drops_out_of_the_portal_search_at_once()
    {
        var desk = await NewsDesk.OpenAsync(Site, "mati");
        await desk.WriteNewsAsync("Pengumuman Seleksi Pegawai Kontrak", "<p>Seleksi pegawai kontrak dibuka.</p>", publish: true);
        using var visitor = Site.NewVisitor();
        Assert.Contains("Pengumuman Seleksi Pegawai Kontrak", (await visitor.SearchAsync(Site, null, "seleksi pegawai")).HitTitles());

        var tenants = Site.Services.GetRequiredService<OrchardSpbe.Tenants.TenantManager>();
        Assert.True((await tenants.DisableAsync(desk.Pd)).Succeeded);
        Assert.DoesNotContain("Pengumuman Seleksi Pegawai Kontrak", (await visitor.SearchAsync(Site, null, "seleksi pegawai")).HitTitles());

        var folder = Site.Services.GetRequiredService<OrchardSpbe.Search.Indexing.SearchIndexHost>().FolderOf(desk.Pd);
        Assert.True((await tenants.DeleteAsync(desk.Pd)).Succeeded);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.SearchAsync(Site, null, "seleksi pegawai")).Status);
    }

    // Codes are kept as written: a service code and an RT number match exactly, in any case.
    [Fact]
    public async Task Exact_codes_match_through_the_raw_field()
    {
        var desk = await NewsDesk.OpenAsync(Site, "kode");
        await desk.WriteNewsAsync("Layanan Perizinan SP00055 Dibuka", "<p>Pendaftaran untuk warga RT 005 RW 003 Kelurahan Margahayu.</p>", publish: true);
        using var visitor = Site.NewVisitor();

        Assert.Contains("Layanan Perizinan SP00055 Dibuka", (await visitor.SearchAsync(Site, desk.Pd, "SP00055")).HitTitles());
        Assert.Contains("Layanan Perizinan SP00055 Dibuka", (await visitor.SearchAsync(Site, desk.Pd, "sp00055")).HitTitles());
        Assert.Contains("Layanan Perizinan SP00055 Dibuka", (await visitor.SearchAsync(Site, desk.Pd, "\"RT 005\"")).HitTitles());
        Assert.Empty((await visitor.SearchAsync(Site, desk.Pd, "\"RT 006\"")).HitTitles());
        Assert.Contains("Layanan Perizinan SP00055 Dibuka", (await visitor.SearchAsync(Site, null, "SP00055")).HitTitles());
    }

    // Typos, prefixes, autocomplete and "did you mean" on a PD site.
    [Fact]
    public async Task Typos_prefixes_suggestions_and_did_you_mean()
    {
        var desk = await NewsDesk.OpenAsync(Site, "ketik");
        await desk.WriteNewsAsync("Imunisasi Campak Serentak", "<p>Puskesmas Pengasinan melayani imunisasi campak untuk balita.</p>", publish: true);
        using var visitor = Site.NewVisitor();

        Assert.Contains("Imunisasi Campak Serentak", (await visitor.SearchAsync(Site, desk.Pd, "imunisasii")).HitTitles());
        Assert.Contains("Imunisasi Campak Serentak", (await visitor.SearchAsync(Site, desk.Pd, "pengasi*")).HitTitles());

        var typo = await visitor.SearchAsync(Site, desk.Pd, "imunsasi campak");
        Assert.Equal("imunisasi campak", typo.Document.QuerySelector(".did-you-mean a")?.TextContent.Trim());

        var suggest = await visitor.GetAsync(desk.Url("/api/search/suggest?q=" + Uri.EscapeDataString("balita imuni")));
        var suggestions = System.Text.Json.JsonSerializer.Deserialize<string[]>(await suggest.Content.ReadAsStringAsync())!;
        Assert.Contains("balita imunisasi", suggestions);

        // Sorting by date and filtering by type keep the item; the search box is in the layout.
        Assert.Contains("Imunisasi Campak Serentak", (await visitor.SearchAsync(Site, desk.Pd, "campak", "&sort=date&type=Article")).HitTitles());
        Assert.Empty((await visitor.SearchAsync(Site, desk.Pd, "campak", "&type=Page")).HitTitles());
        var home = await visitor.OpenAsync(desk.Url("/"));
        Assert.NotNull(home.Document.QuerySelector("form[role=search][action='/search'] input[name=q]"));
    }

    // Whatever is typed, the answer is a normal page, quickly.
    [Fact]
    public async Task Hostile_queries_answer_200_quickly()
    {
        var desk = await NewsDesk.OpenAsync(Site, "jahat");
        await desk.WriteNewsAsync("Berita Biasa", "<p>Isi biasa saja.</p>", publish: true);
        using var visitor = Site.NewVisitor();
        string[] hostile =
        [
            "*", "?", "**", "*:*", "a*", "\"", "\"\"", "title:(", "AND OR NOT", "((((", ")))", "[1 TO", "{x TO y}", "~", "berita~0.5",
            "^2", "\\", "/regex.*/", "!", "+-&&||", "<script>alert(1)</script>", "'; DROP TABLE content_items; --",
            new string('a', 10_000), string.Join(' ', Enumerable.Repeat("berita*", 2_000)), "\u0000\u0001\u001f berita \u007f",
            "\ud800", "🙂🙂🙂", "%00", "berita\r\nSet-Cookie: x=1", "   ", "",
        ];
        foreach (var query in hostile)
        {
            foreach (var tenant in new[] { null, desk.Pd })
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var page = await visitor.GetAsync(Site.Url(tenant, "/search?q=" + Uri.EscapeDataString(query)));
                Assert.True(page.StatusCode == System.Net.HttpStatusCode.OK, $"/search?q={query[..Math.Min(40, query.Length)]} → {page.StatusCode}");
                var api = await visitor.GetAsync(Site.Url(tenant, "/api/search?q=" + Uri.EscapeDataString(query)));
                Assert.True(api.StatusCode == System.Net.HttpStatusCode.OK, $"/api/search?q={query[..Math.Min(40, query.Length)]} → {api.StatusCode}");
                var suggest = await visitor.GetAsync(Site.Url(tenant, "/api/search/suggest?q=" + Uri.EscapeDataString(query)));
                Assert.Equal(System.Net.HttpStatusCode.OK, suggest.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{query[..Math.Min(40, query.Length)]} took {clock.ElapsedMilliseconds} ms");
            }
        }
        // The query is shown escaped, never as markup.
        var script = await visitor.SearchAsync(Site, desk.Pd, "<script>alert(1)</script>");
        Assert.DoesNotContain("<script>alert(1)</script>", script.Html);
    }
}
