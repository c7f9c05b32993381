using System.Net;

namespace OrchardSpbe.Contents.Tests;

/// <summary>An author writes and edits her own drafts; publishing and other people's items are for editors.</summary>
public sealed class AuthorPermissionTests(SqliteContentSite fixture) : IClassFixture<SqliteContentSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_author_saves_drafts_but_cannot_publish_or_touch_others_items()
    {
        var desk = await NewsDesk.OpenAsync(Site);
        var editorsItem = NewsDesk.IdOf(await desk.WriteNewsAsync("Berita Redaksi", "<p>Isi.</p>", publish: true, path: "berita/redaksi"));

        using var author = await desk.AddAuthorAsync();
        var editor = await author.OpenAsync(desk.Url("/admin/contents/create/Article"));
        Assert.Null(editor.Document.QuerySelector("button[value=publish]"));
        var draft = await editor.SubmitAsync(author, "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Tulisan Penulis", ["BodyPart.Html"] = "<p>Draf.</p>", ["submit"] = "draft",
        });
        Assert.Equal("Draf 'Tulisan Penulis' disimpan.", draft.SuccessMessage);

        var forcedPublish = await draft.SubmitAsync(author, "form.content-editor", new Dictionary<string, string> { ["submit"] = "publish" });
        Assert.Equal(HttpStatusCode.Forbidden, forcedPublish.Status);
        Assert.NotEqual(HttpStatusCode.OK, (await author.GetAsync(desk.Url($"/admin/contents/{editorsItem}/edit"))).StatusCode);
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/berita/tulisan-penulis"))).StatusCode);
    }
}
