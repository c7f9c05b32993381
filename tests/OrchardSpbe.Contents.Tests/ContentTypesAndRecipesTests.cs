using System.Net;

namespace OrchardSpbe.Contents.Tests;

/// <summary>A PD administrator shapes content types; recipes bring types and items — or explain, precisely, why not.</summary>
public sealed class ContentTypesAndRecipesTests(SqliteContentSite fixture) : IClassFixture<SqliteContentSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_administrator_creates_a_simple_type_adds_a_required_field_and_editors_must_fill_it()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var refused = await desk.Client.SubmitAsync(desk.Url("/admin/content-types/create"), "form.card",
            new Dictionary<string, string> { ["DisplayName"] = "Pengumuman", ["Name"] = "pengumuman resmi" });
        Assert.Equal("Nama teknis tipe harus 2–40 huruf atau angka, diawali huruf kapital (misalnya Pengumuman).", refused.FieldError("Name"));

        var created = await desk.Client.SubmitAsync(desk.Url("/admin/content-types/create"), "form.card",
            new Dictionary<string, string> { ["DisplayName"] = "Pengumuman", ["Name"] = "Pengumuman" });
        Assert.Equal("Tipe konten 'Pengumuman' dibuat.", created.SuccessMessage);
        var withField = await created.SubmitAsync(desk.Client, "form.add-field", new Dictionary<string, string>
        {
            ["NewField.DisplayName"] = "Nomor surat", ["NewField.Name"] = "NomorSurat", ["NewField.Type"] = "TextField", ["NewField.Required"] = "true",
        });
        Assert.Equal("Isian 'Nomor surat' ditambahkan.", withField.SuccessMessage);
        var duplicate = await withField.SubmitAsync(desk.Client, "form.add-field", new Dictionary<string, string>
        {
            ["NewField.DisplayName"] = "Nomor lagi", ["NewField.Name"] = "NomorSurat", ["NewField.Type"] = "TextField",
        });
        Assert.Equal("Nama isian harus unik dalam satu tipe.", duplicate.FieldError("NewField.Name"));

        var missing = await desk.Client.SubmitAsync(desk.Url("/admin/contents/create/Pengumuman"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Libur Nasional", ["BodyPart.Html"] = "<p>Kantor tutup.</p>", ["submit"] = "publish",
        });
        Assert.Equal("Nomor surat wajib diisi.", missing.FieldError("Pengumuman.NomorSurat.Text"));
        var saved = await missing.SubmitAsync(desk.Client, "form.content-editor", new Dictionary<string, string>
        {
            ["Pengumuman.NomorSurat.Text"] = "800/123/Setda", ["submit"] = "publish",
        });
        Assert.Equal("'Libur Nasional' diterbitkan.", saved.SuccessMessage);
        using var visitor = Site.NewVisitor();
        var page = await visitor.OpenAsync(desk.Url("/libur-nasional"));
        Assert.Equal("Libur Nasional", page.Heading);
        Assert.Contains("800/123/Setda", page.Document.QuerySelector("dl.fields")!.TextContent);
    }

    [Fact]
    public async Task A_recipe_with_an_unknown_content_type_is_refused_and_adds_nothing()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        const string recipe = """
            { "name": "konten impor", "steps": [
              { "name": "content", "items": [
                { "type": "Page", "title": "Halaman Impor", "path": "halaman-impor", "body": "<p>Isi.</p>" },
                { "type": "Kuda", "title": "Tidak Ada" } ] } ] }
            """;
        var page = await desk.Client.SubmitAsync(desk.Url("/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = recipe });
        Assert.Contains("Langkah 1 (content), kolom 'items[1].type': Tipe konten 'Kuda' tidak dikenal.", string.Join(" ", page.Errors));
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/halaman-impor"))).StatusCode);
    }

    [Fact]
    public async Task Every_pd_site_starts_with_its_pages_news_and_agenda_wired_to_the_menu()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(desk.Url("/"));
        var menuLinks = home.Document.QuerySelectorAll(".nav-wide a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var path in new[] { "/profil", "/tupoksi", "/struktur-organisasi", "/standar-pelayanan", "/maklumat-pelayanan", "/berita", "/agenda", "/kontak" })
        {
            Assert.Contains(path, menuLinks);
            var page = await visitor.OpenAsync(desk.Url(path));
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page.Status}");
        }
        Assert.Equal(3, (await visitor.OpenAsync(desk.Url("/berita"))).Document.QuerySelectorAll(".card").Length);
        var item = await visitor.OpenAsync(desk.Url("/berita/pelayanan-tetap-buka-selama-libur-akhir-tahun"));
        Assert.Equal(["Layanan", "Pengumuman"], item.Document.QuerySelectorAll(".tags .tag").Select(t => t.TextContent.Trim()).OrderBy(t => t));
        var kegiatan = await visitor.OpenAsync(desk.Url("/berita?kategori=kegiatan"));
        Assert.Single(kegiatan.Document.QuerySelectorAll(".card"));
        var missing = await visitor.OpenAsync(desk.Url("/tidak-ada-halaman-ini"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("Halaman tidak ditemukan", missing.Heading);
        var agenda = await visitor.OpenAsync(desk.Url("/agenda"));
        Assert.Equal(2, agenda.Document.QuerySelectorAll("#upcoming ~ .agenda-list > li, section[aria-labelledby=upcoming] .agenda-list > li").Length);
        Assert.Single(agenda.Document.QuerySelectorAll("section[aria-labelledby=past] .agenda-list > li"));
    }

    [Fact]
    public async Task Published_news_reaches_the_pd_feed_and_sitemap()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        await desk.WriteNewsAsync("Layanan Kesehatan Gratis", "<p>Untuk warga.</p>", publish: true, path: "berita/layanan-gratis");
        using var visitor = Site.NewVisitor();
        var rss = System.Xml.Linq.XDocument.Parse(await (await visitor.GetAsync(desk.Url("/feeds/berita.rss"))).Content.ReadAsStringAsync());
        var item = rss.Descendants("item").First(i => i.Element("title")!.Value == "Layanan Kesehatan Gratis");
        Assert.Equal(desk.Url("/berita/layanan-gratis").ToString(), item.Element("link")!.Value);
        var sitemap = System.Xml.Linq.XDocument.Parse(await (await visitor.GetAsync(desk.Url("/sitemap.xml"))).Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Contains(desk.Url("/berita/layanan-gratis").ToString(), sitemap.Descendants(ns + "loc").Select(l => l.Value));
    }
}
