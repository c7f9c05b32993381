using System.Net;

namespace OrchardSpbe.Contents.Tests;

/// <summary>
/// Smaller things a PD team stumbled on (issue 16 §3, §8): an Author is offered only what an Author can do, recipe-made
/// items are owned by "Sistem (resep awal)", and an article without a source shows no empty "Sumber" label.
/// </summary>
public sealed class EditorialDetailsTests(SqliteContentSite fixture) : IClassFixture<SqliteContentSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_author_is_not_offered_bulk_publishing_nor_a_schedule_on_a_moderated_type()
    {
        var desk = await NewsDesk.OpenAsync(Site, "opsi");
        using var author = await desk.AddAuthorAsync();

        var list = await author.OpenAsync(desk.Url("/admin/contents"));
        Assert.Null(list.Document.QuerySelector("#bulkAction option[value=publish]"));
        Assert.Null(list.Document.QuerySelector("#bulkAction option[value=unpublish]"));
        var editor = await author.OpenAsync(desk.Url("/admin/contents/create/Article"));
        Assert.Null(editor.Document.QuerySelector("input[type=datetime-local][name='PublishLaterPart.ScheduledPublish']"));
        Assert.NotNull(editor.Document.QuerySelector("button[value=submit]"));

        // The administrator keeps every option.
        var adminList = await desk.Client.OpenAsync(desk.Url("/admin/contents"));
        Assert.NotNull(adminList.Document.QuerySelector("#bulkAction option[value=publish]"));
        var adminEditor = await desk.Client.OpenAsync(desk.Url("/admin/contents/create/Article"));
        Assert.NotNull(adminEditor.Document.QuerySelector("input[type=datetime-local][name='PublishLaterPart.ScheduledPublish']"));
    }

    [Fact]
    public async Task Recipe_made_items_belong_to_the_system_and_an_empty_source_shows_no_label()
    {
        var desk = await NewsDesk.OpenAsync(Site, "rincian");
        var list = await desk.Client.OpenAsync(desk.Url("/admin/contents"));
        var owners = list.Document.QuerySelectorAll(".content-list tbody td:nth-child(5)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Sistem (resep awal)", owners);
        Assert.DoesNotContain("resep", owners);
        Assert.NotNull(list.Document.QuerySelector(".menu-button .menu-button-list"));

        await desk.WriteNewsAsync("Tanpa Sumber", "<p>Isi berita.</p>", publish: true, path: "berita/tanpa-sumber");
        using var visitor = Site.NewVisitor();
        var article = await visitor.OpenAsync(desk.Url("/berita/tanpa-sumber"));
        Assert.Equal(HttpStatusCode.OK, article.Status);
        Assert.DoesNotContain(article.Document.QuerySelectorAll("dl.fields dt"), dt => dt.TextContent.Trim() == "Sumber");
    }
}
