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
}
