using System.Net;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// Findings 3 and 7: every field is checked on the server for its size and the kind of value it holds; a
/// refusal is a message beside the field, never a 500, and nothing is stored.
/// </summary>
public sealed class FieldLimitTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("EventPart.Start", "0001-01-01T00:00", "Waktu mulai tidak valid.")]
    [InlineData("EventPart.Start", "0001-01-01T06:59", "Waktu mulai tidak valid.")]
    [InlineData("EventPart.Start", "9999-12-31T23:59", "Waktu mulai tidak valid.")]
    [InlineData("PublishLaterPart.ScheduledPublish", "0001-01-01T00:00", "Waktu terbit tidak valid.")]
    [InlineData("PublishLaterPart.ScheduledUnpublish", "0001-01-01T03:00", "Waktu tarik tidak valid.")]
    public async Task A_date_before_the_first_instant_or_at_the_end_of_the_calendar_is_a_message(string field, string value, string message)
    {
        var desk = await PdDesk.OpenAsync(Site, "date");
        var fields = new Dictionary<string, string> { ["TitlePart.Title"] = "Agenda uji", ["EventPart.Start"] = "2030-01-01T09:00", [field] = value };
        var page = await desk.CreateAsync("Event", fields, publish: false);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.DoesNotContain("Agenda uji", (await desk.Client.OpenAsync(desk.Url("/admin/contents"))).Html);
    }

    [Fact]
    public async Task Media_fields_are_checked_on_the_server_alt_text_size_library_paths_and_images_only()
    {
        var desk = await PdDesk.OpenAsync(Site, "lim");
        var before = MediaFileCount(desk.Pd);

        var longAlt = await desk.CreateAsync("Article", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Alt panjang", ["MediaPart.AltText"] = new string('a', 1024 * 1024),
        }, files: [("MediaPart.Upload", "foto.png", PdDesk.Png)]);
        Assert.Equal("Teks alternatif paling banyak 300 karakter.", longAlt.FieldError("MediaPart.AltText"));

        var pdf = await desk.CreateAsync("Article", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "PDF sebagai gambar", ["MediaPart.AltText"] = "Dokumen",
        }, files: [("MediaPart.Upload", "laporan.pdf", PdDesk.Pdf)]);
        Assert.StartsWith("Berkas ini bukan gambar", pdf.FieldError("MediaPart.Upload"));
        Assert.Equal(before, MediaFileCount(desk.Pd));

        var missing = await desk.CreateAsync("Article", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Gambar hilang", ["MediaPart.Paths"] = "2026/11/tidak-ada.jpg", ["MediaPart.AltText"] = "Foto",
        });
        Assert.StartsWith("Berkas tidak ada di pustaka media", missing.FieldError("MediaPart.Paths"));

        foreach (var social in new[] { "../../etc/passwd", "https://contoh.example/x.png", "2026/11/tidak-ada.jpg", new string('x', 100_000) })
        {
            var page = await desk.CreateAsync("Article", new Dictionary<string, string>
            {
                ["TitlePart.Title"] = "Gambar sosial", ["SeoPart.SocialImage"] = social,
            });
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.StartsWith("Berkas tidak ada di pustaka media", page.FieldError("SeoPart.SocialImage"));
        }
        var list = await desk.Client.OpenAsync(desk.Url("/admin/contents"));
        foreach (var title in new[] { "Alt panjang", "PDF sebagai gambar", "Gambar hilang", "Gambar sosial" }) Assert.DoesNotContain(title, list.Html);
    }

    [Fact]
    public async Task A_taxonomy_of_twenty_thousand_terms_is_refused()
    {
        var desk = await PdDesk.OpenAsync(Site, "tax");
        var terms = string.Join("\n", Enumerable.Range(1, 20_000).Select(i => "Istilah " + i));
        var page = await desk.CreateAsync("Taxonomy", new Dictionary<string, string> { ["TitlePart.Title"] = "Taksonomi besar", ["TaxonomyPart.Terms"] = terms });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Paling banyak 500 istilah.", page.FieldError("TaxonomyPart.Terms"));
    }

    private int MediaFileCount(string pd)
    {
        var root = Path.Combine(Site.AppData, "Sites", pd, "media");
        return !Directory.Exists(root) ? 0 : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Count(f => !f.Contains("/.incoming/") && !f.Contains("/.cache/"));
    }
}
