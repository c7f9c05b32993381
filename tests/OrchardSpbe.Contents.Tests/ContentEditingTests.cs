using System.Net;

namespace OrchardSpbe.Contents.Tests;

/// <summary>A PD editor writes, publishes, edits, restores and withdraws news; the public sees exactly what is published.</summary>
public abstract class ContentEditingTests(ContentSite fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_news_item_goes_from_draft_to_public_on_the_pd_site_and_the_portal_and_back()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        using var visitor = Site.NewVisitor();

        // A draft, with an image: the editor sees it; the public does not.
        var draft = await desk.WriteNewsAsync("Posyandu Keliling Menjangkau Warga", "<p>Pemeriksaan gratis bagi balita.</p>", publish: false,
            files: [("MediaPart.Upload", "posyandu.png", NewsDesk.Png)], altText: "Petugas menimbang balita");
        Assert.Equal("Draf 'Posyandu Keliling Menjangkau Warga' disimpan.", draft.SuccessMessage);
        var id = NewsDesk.IdOf(draft);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/posyandu-keliling-menjangkau-warga"))).StatusCode);
        Assert.DoesNotContain("Posyandu Keliling", (await visitor.OpenAsync(desk.Url("/berita"))).Html);
        Assert.DoesNotContain("Posyandu Keliling", (await visitor.OpenAsync(Site.Url(null))).Html);

        // Published: on the PD's news list and item page, with its image, and on the portal home within one request.
        var published = await desk.EditAsync(id, new Dictionary<string, string> { ["submit"] = "publish" });
        Assert.Equal("'Posyandu Keliling Menjangkau Warga' diterbitkan.", published.SuccessMessage);
        var item = await visitor.OpenAsync(desk.Url("/berita/posyandu-keliling-menjangkau-warga"));
        Assert.Equal("Posyandu Keliling Menjangkau Warga", item.Heading);
        var image = item.Document.QuerySelector(".lead-image img")!;
        Assert.Equal("Petugas menimbang balita", image.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri(item.Url, image.GetAttribute("src")))).StatusCode);
        Assert.Contains("Posyandu Keliling Menjangkau Warga", (await visitor.OpenAsync(desk.Url("/berita"))).Html);
        var portal = await visitor.OpenAsync(Site.Url(null));
        var link = portal.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains("Posyandu Keliling Menjangkau Warga"));
        Assert.NotNull(link);
        Assert.StartsWith($"http://{desk.Pd}.localhost:{Site.Port}/berita/posyandu-keliling-menjangkau-warga", link!.GetAttribute("href"));

        // Edited and published again: the public sees the new title; history restores the earlier version.
        await desk.EditAsync(id, new Dictionary<string, string> { ["TitlePart.Title"] = "Posyandu Keliling Diperluas", ["submit"] = "publish" });
        Assert.Equal("Posyandu Keliling Diperluas", (await visitor.OpenAsync(desk.Url("/berita/posyandu-keliling-menjangkau-warga"))).Heading);
        var history = await desk.Client.OpenAsync(desk.Url($"/admin/contents/{id}/history"));
        var diffLink = history.Document.QuerySelector("table.versions a[href*='/diff']")!.GetAttribute("href")!;
        var diff = await desk.Client.OpenAsync(desk.Url(diffLink));
        Assert.Contains("Posyandu Keliling Diperluas", diff.Document.QuerySelector("ins")!.TextContent);
        Assert.Contains("Posyandu Keliling Menjangkau Warga", diff.Document.QuerySelector("del")!.TextContent);
        var restored = await desk.Client.SubmitAsync(desk.Url($"/admin/contents/{id}/history"),
            "form[data-version='2']", new Dictionary<string, string>());
        Assert.Equal("Versi 2 dipulihkan sebagai versi 4.", restored.SuccessMessage);
        Assert.Equal("Posyandu Keliling Menjangkau Warga", (await visitor.OpenAsync(desk.Url("/berita/posyandu-keliling-menjangkau-warga"))).Heading);
        Assert.Contains("content.published", restored.Document.QuerySelector("table.trail")!.TextContent);

        // Unpublished: gone from the PD site and from the portal.
        var unpublished = await desk.PostAsync($"/admin/contents/{id}/unpublish");
        Assert.Equal("'Posyandu Keliling Menjangkau Warga' ditarik dari situs publik.", unpublished.SuccessMessage);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/posyandu-keliling-menjangkau-warga"))).StatusCode);
        Assert.DoesNotContain("Posyandu Keliling", (await visitor.OpenAsync(desk.Url("/berita"))).Html);
        Assert.DoesNotContain("Posyandu Keliling", (await visitor.OpenAsync(Site.Url(null))).Html);
    }

    [Fact]
    public async Task A_changed_address_keeps_the_old_one_working_by_redirect()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var page = await desk.WriteNewsAsync("Jadwal Vaksinasi", "<p>Jadwal terbaru.</p>", publish: true, path: "berita/jadwal-vaksinasi");
        await desk.EditAsync(NewsDesk.IdOf(page), new Dictionary<string, string> { ["AutoroutePart.Path"] = "berita/jadwal-vaksinasi-2027", ["submit"] = "publish" });

        using var visitor = Site.NewVisitor();
        var old = await visitor.GetAsync(desk.Url("/berita/jadwal-vaksinasi"));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/berita/jadwal-vaksinasi-2027", old.Headers.Location!.OriginalString);
        Assert.Equal("Jadwal Vaksinasi", (await visitor.OpenAsync(desk.Url("/berita/jadwal-vaksinasi"))).Heading);
    }

    [Fact]
    public async Task Script_in_a_title_or_body_never_runs_on_any_page()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        const string title = "<script>alert('judul')</script>Banjir <img src=x onerror=alert(1)>";
        await desk.WriteNewsAsync(title,
            "<p onclick=\"alert(2)\">Aman</p><script>alert(3)</script><a href=\"javascript:alert(4)\">tautan</a><iframe src=\"https://jahat.example\"></iframe>",
            publish: true, path: "berita/banjir");

        using var visitor = Site.NewVisitor();
        var pages = new[]
        {
            await visitor.OpenAsync(desk.Url("/berita/banjir")),
            await visitor.OpenAsync(desk.Url("/berita")),
            await visitor.OpenAsync(Site.Url(null)),
            await desk.Client.OpenAsync(desk.Url("/admin/contents")),
        };
        foreach (var page in pages)
        {
            Assert.Empty(page.Document.QuerySelectorAll("main script, main iframe, main [onclick], main [onerror], main a[href^='javascript']"));
            Assert.DoesNotContain("<script>alert", page.Html);
        }
        Assert.Contains("Banjir", pages[0].Heading);
        Assert.Equal("Aman", pages[0].Document.QuerySelector(".prose p")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_is_explained_in_Indonesian_and_nothing_is_saved()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        await desk.WriteNewsAsync("Berita Pertama", "<p>Isi.</p>", publish: true, path: "berita/pertama");
        var countBefore = await CountAsync(desk);

        var missing = await desk.WriteNewsAsync("", "<p>Tanpa judul.</p>", publish: true);
        Assert.True(missing.FieldError("TitlePart.Title") == "Judul wajib diisi.", missing.Status + missing.Url.ToString() + missing.Html[..Math.Min(3000, missing.Html.Length)]);
        var duplicate = await desk.WriteNewsAsync("Berita Kedua", "<p>Isi.</p>", publish: true, path: "berita/pertama");
        Assert.Equal("Alamat 'berita/pertama' sudah dipakai oleh konten lain.", duplicate.FieldError("AutoroutePart.Path"));
        Assert.Equal("Berita Kedua", duplicate.Document.QuerySelector("#TitlePart_Title")!.GetAttribute("value"));
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var program = await desk.WriteNewsAsync("Berita Ketiga", "<p>Isi.</p>", publish: true, files: [("MediaPart.Upload", "foto.jpg", exe)], altText: "Foto");
        Assert.NotNull(program.FieldError("MediaPart.Upload"));
        var reserved = await desk.WriteNewsAsync("Berita Keempat", "<p>Isi.</p>", publish: true, path: "admin/users");
        Assert.Equal("Alamat 'admin/users' dipakai oleh sistem; pilih alamat lain.", reserved.FieldError("AutoroutePart.Path"));

        Assert.Equal(countBefore, await CountAsync(desk));
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/berita-kedua"))).StatusCode);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_overwrites_nothing()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var id = NewsDesk.IdOf(await desk.WriteNewsAsync("Rapat Kerja", "<p>Isi awal.</p>", publish: true, path: "berita/rapat-kerja"));
        var staleForm = await desk.Client.OpenAsync(desk.Url($"/admin/contents/{id}/edit"));
        await desk.EditAsync(id, new Dictionary<string, string> { ["TitlePart.Title"] = "Rapat Kerja Tahunan", ["submit"] = "publish" });

        var refused = await staleForm.SubmitAsync(desk.Client, "form.content-editor",
            new Dictionary<string, string> { ["TitlePart.Title"] = "Judul Kedaluwarsa", ["submit"] = "publish" });
        Assert.Contains("Data ini sudah diubah orang lain", refused.Document.QuerySelector(".alert-error")!.TextContent);
        using var visitor = Site.NewVisitor();
        Assert.Equal("Rapat Kerja Tahunan", (await visitor.OpenAsync(desk.Url("/berita/rapat-kerja"))).Heading);
    }

    [Fact]
    public async Task Scheduled_news_publishes_itself_at_the_set_time_with_no_visitor()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddSeconds(6);
        var page = await desk.Client.SubmitAsync(desk.Url("/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Pengumuman Terjadwal",
            ["BodyPart.Html"] = "<p>Terbit sendiri.</p>",
            ["AutoroutePart.Path"] = "berita/terjadwal",
            ["PublishLaterPart.ScheduledPublish"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["submit"] = "draft",
        });
        Assert.Equal("Draf 'Pengumuman Terjadwal' disimpan.", page.SuccessMessage);

        // Nobody opens the PD site until the scheduler has had time to act.
        using (var early = Site.NewVisitor())
            Assert.Equal(HttpStatusCode.NotFound, (await early.GetAsync(desk.Url("/berita/terjadwal"))).StatusCode);
        await Task.Delay(at - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(4));
        using var visitor = Site.NewVisitor();
        Assert.Equal("Pengumuman Terjadwal", (await visitor.OpenAsync(desk.Url("/berita/terjadwal"))).Heading);
    }

    private static async Task<long> CountAsync(NewsDesk desk)
    {
        var list = await desk.Client.OpenAsync(desk.Url("/admin/contents?type=Article"));
        return long.Parse(list.Document.QuerySelector("p.muted")!.TextContent.Split(' ')[0]);
    }
}

public sealed class ContentEditingOnSqlite(SqliteContentSite fixture) : ContentEditingTests(fixture), IClassFixture<SqliteContentSite>;

public sealed class ContentEditingOnPostgres(PostgresContentSite fixture) : ContentEditingTests(fixture), IClassFixture<PostgresContentSite>;
