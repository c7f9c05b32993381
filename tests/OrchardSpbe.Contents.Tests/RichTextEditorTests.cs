namespace OrchardSpbe.Contents.Tests;

/// <summary>In Chromium, an editor formats a news body with the rich-text toolbar and the public sees the formatting.</summary>
public sealed class RichTextEditorTests(SqliteContentSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteContentSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_editor_writes_bold_text_with_the_toolbar_and_publishes_it()
    {
        var site = fixture.Site;
        var desk = await NewsDesk.OpenAsync(site, "rt");
        var page = await chromium.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) cspErrors.Add(message.Text); };

        await page.GotoAsync(desk.Url("/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync(desk.Url("/admin/contents/create/Article").ToString());

        await page.FillAsync("#TitlePart_Title", "Gotong Royong Bersama Warga");
        await page.ClickAsync("trix-editor#BodyPart_Html");
        await page.Keyboard.TypeAsync("Warga bekerja ");
        await page.ClickAsync("trix-toolbar button[data-trix-attribute=bold]");
        await page.Keyboard.TypeAsync("bersama-sama");
        await page.ClickAsync("button[name=submit][value=publish]");
        await page.WaitForSelectorAsync(".alert-success");

        using var visitor = site.NewVisitor();
        var published = await visitor.OpenAsync(desk.Url("/berita/gotong-royong-bersama-warga"));
        Assert.Equal("bersama-sama", published.Document.QuerySelector(".prose strong")!.TextContent);
        Assert.Contains("Warga bekerja", published.Document.QuerySelector(".prose")!.TextContent);
        Assert.Empty(cspErrors);
    }
}
