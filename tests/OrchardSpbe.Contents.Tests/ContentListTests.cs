using System.Net;

namespace OrchardSpbe.Contents.Tests;

/// <summary>The admin content list: filters, search, bulk publishing and deleting, cloning.</summary>
public sealed class ContentListTests(SqliteContentSite fixture) : IClassFixture<SqliteContentSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_editor_filters_searches_publishes_in_bulk_clones_and_deletes()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var first = NewsDesk.IdOf(await desk.WriteNewsAsync("Pasar Murah Ramadan", "<p>Isi.</p>", publish: false, path: "berita/pasar-murah"));
        var second = NewsDesk.IdOf(await desk.WriteNewsAsync("Operasi Pasar Beras", "<p>Isi.</p>", publish: false, path: "berita/operasi-pasar"));

        var drafts = await desk.Client.OpenAsync(desk.Url("/admin/contents?type=Article&status=draft&q=pasar"));
        Assert.Equal(["Operasi Pasar Beras", "Pasar Murah Ramadan"],
            drafts.Document.QuerySelectorAll("table.content-list tbody td:nth-child(2) a").Select(a => a.TextContent).OrderBy(t => t));

        var published = await drafts.SubmitAsync(desk.Client, "form#bulk", new Dictionary<string, string>
        {
            ["bulkAction"] = "publish", ["ids"] = $"{first},{second}",
        });
        Assert.Equal("2 konten diproses.", published.SuccessMessage);
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(desk.Url("/berita/pasar-murah"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(desk.Url("/berita/operasi-pasar"))).StatusCode);

        var clone = await desk.PostAsync($"/admin/contents/{first}/clone");
        Assert.Equal("Salinan 'Pasar Murah Ramadan' dibuat sebagai draf.", clone.SuccessMessage);
        Assert.Equal("Pasar Murah Ramadan (salinan)", clone.Document.QuerySelector("#TitlePart_Title")!.GetAttribute("value"));

        var deleted = await desk.PostAsync($"/admin/contents/{second}/delete");
        Assert.Equal("'Operasi Pasar Beras' dihapus.", deleted.SuccessMessage);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/operasi-pasar"))).StatusCode);
        var list = await desk.Client.OpenAsync(desk.Url("/admin/contents?q=pasar"));
        Assert.DoesNotContain("Operasi Pasar Beras", list.Document.QuerySelector("table.content-list")!.TextContent);
        Assert.Contains("Pasar Murah Ramadan (salinan)", list.Document.QuerySelector("table.content-list")!.TextContent);
    }

    [Fact]
    public async Task An_editor_previews_a_draft_that_the_public_cannot_see_and_reuses_a_library_image()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        await desk.WriteNewsAsync("Foto Lama", "<p>Isi.</p>", publish: true, path: "berita/foto-lama",
            files: [("MediaPart.Upload", "gedung.png", NewsDesk.Png)], altText: "Gedung dinas");
        var draft = await desk.Client.OpenAsync(desk.Url("/admin/contents/create/Article"));
        var picked = draft.Document.QuerySelectorAll("#MediaPart_Pick option").Select(o => o.GetAttribute("value")).First(v => v!.EndsWith("gedung.png"))!;
        var saved = await draft.SubmitAsync(desk.Client, "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Rencana Renovasi", ["BodyPart.Html"] = "<p>Masih draf.</p>", ["MediaPart.Paths"] = picked,
            ["MediaPart.AltText"] = "Gedung dinas", ["submit"] = "draft",
        });
        var id = NewsDesk.IdOf(saved);

        var preview = await desk.Client.OpenAsync(desk.Url($"/admin/contents/{id}/preview"));
        Assert.Equal("Rencana Renovasi", preview.Heading);
        Assert.NotNull(preview.Document.QuerySelector(".notice-warning"));
        Assert.EndsWith(picked + "?w=960", preview.Document.QuerySelector(".lead-image img")!.GetAttribute("src"));
        using var visitor = Site.NewVisitor();
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync(desk.Url($"/admin/contents/{id}/preview"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/rencana-renovasi"))).StatusCode);
    }

    [Fact]
    public async Task A_pd_news_list_pages_twelve_at_a_time_newest_first()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        for (var i = 1; i <= 10; i++) await desk.WriteNewsAsync($"Kabar Wilayah {i:00}", "<p>Isi.</p>", publish: true);

        using var visitor = Site.NewVisitor();
        var first = await visitor.OpenAsync(desk.Url("/berita"));
        var titles = first.Document.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Equal("Kabar Wilayah 10", titles[0]);
        Assert.Equal("/berita?page=2", first.Document.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        var second = await visitor.OpenAsync(desk.Url("/berita?page=2"));
        Assert.Single(second.Document.QuerySelectorAll(".card"));
        Assert.Equal("2", second.Document.QuerySelector(".pagination [aria-current=page]")!.TextContent);
    }
}
