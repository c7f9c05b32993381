using System.Net;
using System.Xml.Linq;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// Findings 1 and 2: characters XML cannot carry (U+000B, NUL, U+FFFE) in a title, description, event place or
/// file name never take a feed, the sitemap or a slug down — whether they come through the editor (cleaned at
/// the door) or a recipe (stored as typed, cleaned by the writers themselves).
/// </summary>
public sealed class XmlOutputTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    private static readonly string[] Feeds = ["/feeds/berita.rss", "/feeds/berita.atom", "/feeds/agenda.rss", "/feeds/agenda.atom", "/sitemap.xml"];

    [Fact]
    public async Task Control_characters_typed_into_the_editor_are_dropped_and_every_feed_of_the_pd_and_the_portal_stays_valid_xml()
    {
        var desk = await PdDesk.OpenAsync(Site, "xml");
        var news = await desk.CreateAsync("Article", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Rapat\u000B Koordinasi\u0001 Program\uFFFE Kerja",
            ["BodyPart.Html"] = "<p>Isi\u0001 berita.</p>",
            ["SeoPart.MetaDescription"] = "Ringkasan\u0008 rapat",
        });
        Assert.True(news.Errors.Count == 0 && news.SuccessMessage is not null, news.Status + " " + string.Join("; ", news.Errors));
        var evt = await desk.CreateAsync("Event", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Forum\u000B Publik",
            ["EventPart.Start"] = "2030-11-09T09:00",
            ["EventPart.Place"] = "Aula\u001F Kantor\u000B",
        });
        Assert.Empty(evt.Errors);

        // A NUL makes the form unreadable to ASP.NET Core's form reader: refused as a whole (400), nothing stored.
        var nul = await desk.CreateAsync("Article", new Dictionary<string, string> { ["TitlePart.Title"] = "Berita\u0000 NUL" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.DoesNotContain("NUL", (await desk.Client.OpenAsync(desk.Url("/admin/contents"))).Html);

        // The slug was made from the cleaned title too.
        Assert.Contains("rapat-koordinasi-program-kerja", (await desk.Client.OpenAsync(desk.Url("/berita"))).Html);
        await AssertValidXmlAsync(desk.Client, desk.Pd, "Rapat Koordinasi Program Kerja");
        await AssertValidXmlAsync(desk.Client, null, "Rapat Koordinasi Program Kerja");
    }

    [Fact]
    public async Task A_recipe_that_stores_control_characters_as_typed_does_not_break_the_feeds_or_the_sitemap()
    {
        var desk = await PdDesk.OpenAsync(Site, "xmlr");
        var result = await desk.ImportRecipeAsync("""
            { "name": "uji", "steps": [ { "name": "content", "items": [
              { "id": "berita-kendali", "type": "Article", "container": "berita", "title": "Berita\u000B dengan\u0000 kendali\uFFFE",
                "path": "berita/berita-kendali", "publishedAt": "-1d", "body": "<p>Isi.</p>" },
              { "id": "agenda-kendali", "type": "Event", "container": "agenda", "title": "Agenda\u0001 kendali",
                "event": { "start": "+3d 09:00", "place": "Aula\u000B\u0000" } } ] } ] }
            """);
        Assert.Null(result.Document.QuerySelector(".alert-error"));
        await AssertValidXmlAsync(desk.Client, desk.Pd, "Berita dengan kendali");
        await AssertValidXmlAsync(desk.Client, null, "Berita dengan kendali");
    }

    [Fact]
    public async Task A_file_name_with_U_FFFE_uploads_under_a_clean_name()
    {
        var desk = await PdDesk.OpenAsync(Site, "xmlf");
        var page = await desk.Client.SubmitAsync(desk.Url("/admin/media/upload"), "form.card",
            new Dictionary<string, string> { ["AltText"] = "Foto kegiatan" }, [("File", "foto\uFFFE\u0000kegiatan.png", PdDesk.Png)]);
        Assert.True((int)page.Status < 500, page.Html);
        Assert.Contains("fotokegiatan", page.Html);
    }

    private async Task AssertValidXmlAsync(SiteClient client, string? tenant, string expectedTitle)
    {
        var seen = false;
        foreach (var path in Feeds)
        {
            var response = await client.GetAsync(Site.Url(tenant, path));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{tenant ?? "portal"}{path}: {(int)response.StatusCode}");
            var xml = XDocument.Parse(text);
            seen |= xml.Descendants().Any(e => e.Value == expectedTitle);
        }
        Assert.True(seen, $"'{expectedTitle}' in no feed of {tenant ?? "the portal"}");
    }
}
