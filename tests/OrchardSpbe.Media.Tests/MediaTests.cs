using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Media.Tests;

/// <summary>A PD's website team keeps its photos and documents in the site's media library; visitors see them.</summary>
public abstract class MediaTests(SiteFixture fixture)
{
    private const string NotAllowedContent =
        "Isi berkas bukan gambar, PDF, dokumen Office, CSV atau TXT yang dikenali. Program, SVG dan HTML tidak pernah diterima.";

    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_editor_uploads_a_photo_with_alt_text_and_visitors_get_it_in_full_and_resized()
    {
        var pd = await NewPdAsync();
        using var editor = await SignedInEditorAsync(pd);
        var png = MediaFiles.Png(800, 400);

        var dashboard = await editor.OpenAsync(Site.Url(pd, "/admin"));
        Assert.NotNull(dashboard.Document.QuerySelector("nav.sidebar a[href='/admin/media']"));
        var uploaded = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card",
            new Dictionary<string, string> { ["AltText"] = "Kader posyandu menimbang balita" }, [("File", "Posyandu Mei.png", png)]);
        Assert.Equal("Berkas 'Posyandu Mei.png' diunggah.", uploaded.SuccessMessage);

        var row = Assert.Single(uploaded.Document.QuerySelectorAll("table.media-list tbody tr"));
        var path = row.QuerySelector("code")!.TextContent;
        Assert.Matches($@"^{DateTime.UtcNow:yyyy}/{DateTime.UtcNow:MM}/posyandu-mei\.png$", path);
        Assert.Equal("Kader posyandu menimbang balita", row.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal($"/media/{path}?w=160", row.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("800 × 400 px", row.TextContent);

        using var visitor = Site.NewVisitor();
        var original = await visitor.GetAsync(Site.Url(pd, "/media/" + path));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("image/png", original.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", original.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(original.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(30));
        Assert.Equal(png, await original.Content.ReadAsByteArrayAsync());

        var resized = await visitor.GetAsync(Site.Url(pd, $"/media/{path}?w=320"));
        Assert.Equal("image/png", resized.Content.Headers.ContentType!.MediaType);
        using (var image = MediaFiles.Decode(await resized.Content.ReadAsByteArrayAsync()))
            Assert.Equal((320, 160), (image.Width, image.Height));
        Assert.NotEqual(original.Headers.ETag, resized.Headers.ETag);

        // Asked again with its ETag, the browser is told it already has it.
        var again = new HttpRequestMessage(HttpMethod.Get, Site.Url(pd, $"/media/{path}?w=320"));
        again.Headers.IfNoneMatch.Add(resized.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);

        // Odd widths snap to an allowed one, a width past the original is not upscaled, nonsense is no error.
        Assert.Equal(640, await WidthAtAsync(visitor, pd, path, "600"));
        Assert.Equal(800, await WidthAtAsync(visitor, pd, path, "5000"));
        Assert.Equal(160, await WidthAtAsync(visitor, pd, path, "lebar"));
        Assert.Equal(160, await WidthAtAsync(visitor, pd, path, "-7"));

        // The picker's list, and the audit log, know about it.
        var api = JsonDocument.Parse(await editor.Http.GetStringAsync(Site.Url(pd, "/admin/media/api/files?q=posyandu"))).RootElement;
        Assert.Equal(1, api.GetProperty("total").GetInt32());
        var listed = api.GetProperty("files")[0];
        Assert.Equal("/media/" + path, listed.GetProperty("url").GetString());
        Assert.Equal("Kader posyandu menimbang balita", listed.GetProperty("altText").GetString());
        Assert.Equal(800, listed.GetProperty("width").GetInt32());
        var none = JsonDocument.Parse(await editor.Http.GetStringAsync(Site.Url(pd, "/admin/media/api/files?q=jembatan"))).RootElement;
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        using var admin = await SignedInAdminAsync(pd);
        var audit = await admin.OpenAsync(Site.Url(pd, "/admin/audit"));
        var entry = audit.Document.QuerySelectorAll("table.list tbody tr[data-action='media.uploaded']").First();
        Assert.Contains("Tim Website", entry.TextContent); // editor1, named as a person
        Assert.Contains(path, entry.TextContent);
    }

    [Fact]
    public async Task A_program_renamed_to_jpg_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var pd = await NewPdAsync();
        using var editor = await SignedInEditorAsync(pd);

        var refused = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card",
            new Dictionary<string, string> { ["AltText"] = "Foto kegiatan" }, [("File", "foto.jpg", MediaFiles.Program())]);
        Assert.Equal(NotAllowedContent, refused.FieldError("File"));
        var svg = await refused.SubmitAsync(editor, "form.card", new Dictionary<string, string>(),
            [("File", "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"))]);
        Assert.Equal(NotAllowedContent, svg.FieldError("File"));
        var html = await svg.SubmitAsync(editor, "form.card", new Dictionary<string, string>(),
            [("File", "pengumuman.txt.html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"))]);
        Assert.Equal(NotAllowedContent, html.FieldError("File"));
        byte[] brokenPng = [.. MediaFiles.Png(64, 64).Take(40)];
        var broken = await html.SubmitAsync(editor, "form.card", new Dictionary<string, string>(), [("File", "rusak.png", brokenPng)]);
        Assert.Equal("Berkas ini tampak seperti gambar tetapi tidak dapat dibaca; mungkin rusak.", broken.FieldError("File"));

        var list = await editor.OpenAsync(Site.Url(pd, "/admin/media"));
        Assert.Equal("0 berkas", list.Document.QuerySelector("p.muted")!.TextContent.Trim());
        Assert.Empty(FilesOnDisk(pd));
    }

    [Fact]
    public async Task A_file_over_the_sites_limit_is_refused_naming_the_limit()
    {
        var pd = await NewPdAsync();
        using var admin = await SignedInAdminAsync(pd);
        var saved = await admin.SubmitAsync(Site.Url(pd, "/admin/media-settings"), "form.card", new Dictionary<string, string> { ["MaxSizeMb"] = "1" });
        Assert.Equal("Pengaturan media disimpan.", saved.SuccessMessage);
        var invalid = await admin.SubmitAsync(Site.Url(pd, "/admin/media-settings"), "form.card",
            new Dictionary<string, string> { ["MaxSizeMb"] = "500", ["AllowedKinds"] = "" });
        Assert.Equal("Ukuran paling besar harus antara 1 dan 50 MB.", invalid.FieldError("MaxSizeMb"));

        using var editor = await SignedInEditorAsync(pd, admin);
        var refused = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "laporan-tahunan.pdf", MediaFiles.Pdf(1536 * 1024))]);
        Assert.Equal("Berkas terlalu besar. Ukuran paling besar 1 MB.", refused.FieldError("File"));
        Assert.Empty(FilesOnDisk(pd));

        var accepted = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "laporan-ringkas.pdf", MediaFiles.Pdf(512 * 1024))]);
        Assert.Equal("Berkas 'laporan-ringkas.pdf' diunggah.", accepted.SuccessMessage);
        Assert.Single(FilesOnDisk(pd));
    }

    [Fact]
    public async Task A_request_larger_than_any_limit_is_refused_without_a_server_error()
    {
        var pd = await NewPdAsync();
        using var editor = await SignedInEditorAsync(pd);
        var form = await editor.OpenAsync(Site.Url(pd, "/admin/media/upload"));
        var token = form.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(MediaFiles.Pdf(60 * 1024 * 1024)), "File", "arsip-besar.pdf" },
        };
        // As a browser-like client that waits for the server's go-ahead before sending the body.
        using var request = new HttpRequestMessage(HttpMethod.Post, Site.Url(pd, "/admin/media/upload")) { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await editor.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"status {(int)response.StatusCode}");
        Assert.Empty(FilesOnDisk(pd));
    }

    [Fact]
    public async Task One_pds_file_is_not_found_on_another_pds_site()
    {
        var pdA = await NewPdAsync();
        var pdB = await NewPdAsync();
        using var editor = await SignedInEditorAsync(pdA);
        var page = await editor.SubmitAsync(Site.Url(pdA, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "gedung.png", MediaFiles.Png(200, 100))]);
        var path = page.Document.QuerySelector("table.media-list tbody tr code")!.TextContent;

        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url(pdA, "/media/" + path))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pdB, "/media/" + path))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pdB, $"/media/{path}?w=160"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pdA, "/media/../site.db"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pdA, "/media/%2e%2e%2fsite.db"))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_the_media_admin()
    {
        var pd = await NewPdAsync();
        using var visitor = Site.NewVisitor();
        foreach (var url in new[] { "/admin/media", "/admin/media/upload", "/admin/media/api/files", "/admin/media-settings" })
        {
            var response = await visitor.GetAsync(Site.Url(pd, url));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/admin/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Namesakes_get_their_own_names_alt_text_is_edited_and_a_deleted_files_name_is_never_reused()
    {
        var pd = await NewPdAsync();
        using var editor = await SignedInEditorAsync(pd);
        var png = MediaFiles.Png(300, 300);
        await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(), [("File", "Peta.png", png)]);
        var second = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(), [("File", "peta.png", png)]);
        var paths = second.Document.QuerySelectorAll("table.media-list tbody tr code").Select(c => c.TextContent).ToList();
        Assert.Equal(2, paths.Count);
        Assert.EndsWith("/peta-2.png", paths[0]);
        Assert.EndsWith("/peta.png", paths[1]);

        var editLink = second.Document.QuerySelector("table.media-list tbody tr a.button")!.GetAttribute("href")!;
        var edited = await editor.OpenAsync(new Uri(second.Url, editLink));
        var savedAlt = await edited.SubmitAsync(editor, "form.card", new Dictionary<string, string> { ["AltText"] = "Peta wilayah kecamatan" });
        Assert.Equal("Teks alternatif untuk 'peta.png' disimpan.", savedAlt.SuccessMessage);
        Assert.Equal("Peta wilayah kecamatan", savedAlt.Document.QuerySelector("table.media-list tbody tr img")!.GetAttribute("alt"));

        var firstRowForm = savedAlt.Document.QuerySelector("table.media-list tbody tr form[data-confirm]")!;
        Assert.Equal("Hapus berkas 'peta.png'?", firstRowForm.GetAttribute("data-confirm"));
        var deleted = await savedAlt.SubmitAsync(editor, $"form[action='{firstRowForm.GetAttribute("action")}']", new Dictionary<string, string>());
        Assert.Equal("Berkas 'peta.png' dihapus.", deleted.SuccessMessage);
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pd, "/media/" + paths[0]))).StatusCode);

        var third = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(), [("File", "peta.png", png)]);
        Assert.EndsWith("/peta-3.png", third.Document.QuerySelector("table.media-list tbody tr code")!.TextContent);

        using var admin = await SignedInAdminAsync(pd);
        // The log reads in words; the action's code stays on each row for tools.
        var audit = (await admin.OpenAsync(Site.Url(pd, "/admin/audit"))).Document.QuerySelectorAll("table.list tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains("media.alt-text-updated", audit);
        Assert.Contains("media.deleted", audit);
    }

    [Fact]
    public async Task Office_documents_are_checked_inside_and_text_must_be_utf8()
    {
        var pd = await NewPdAsync();
        using var admin = await SignedInAdminAsync(pd);
        await admin.SubmitAsync(Site.Url(pd, "/admin/media-settings"), "form.card", new Dictionary<string, string> { ["AllowedKinds"] = "image,office,text" });
        using var editor = await SignedInEditorAsync(pd, admin);

        var docx = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "Surat Edaran.docx", MediaFiles.Docx())]);
        Assert.Equal("Berkas 'Surat Edaran.docx' diunggah.", docx.SuccessMessage);
        var emptyZip = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "arsip.docx", MediaFiles.Docx(withDocumentPart: false))]);
        Assert.Equal(NotAllowedContent, emptyZip.FieldError("File"));
        var csv = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "data-puskesmas.csv", Encoding.UTF8.GetBytes("kecamatan;jumlah\nBekasi Selatan;12\n"))]);
        Assert.Equal("Berkas 'data-puskesmas.csv' diunggah.", csv.SuccessMessage);
        var binary = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "catatan.txt", [0x41, 0x00, 0x42, 0xFE])]);
        Assert.Equal(NotAllowedContent, binary.FieldError("File"));
        var pdf = await editor.SubmitAsync(Site.Url(pd, "/admin/media/upload"), "form.card", new Dictionary<string, string>(),
            [("File", "laporan.pdf", MediaFiles.Pdf(4096))]);
        Assert.Equal("Jenis berkas ini (PDF) tidak diizinkan di situs ini.", pdf.FieldError("File"));

        var path = docx.Document.QuerySelectorAll("table.media-list tbody tr code").Select(c => c.TextContent).Single(p => p.EndsWith(".docx"));
        using var visitor = Site.NewVisitor();
        var download = await visitor.GetAsync(Site.Url(pd, "/media/" + path));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    private async Task<int> WidthAtAsync(SiteClient visitor, string pd, string path, string w)
    {
        var response = await visitor.GetAsync(Site.Url(pd, $"/media/{path}?w={Uri.EscapeDataString(w)}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var image = MediaFiles.Decode(await response.Content.ReadAsByteArrayAsync());
        return image.Width;
    }

    /// <summary>Every file in the PD's media folder, spooled uploads included.</summary>
    private IReadOnlyList<string> FilesOnDisk(string pd)
    {
        var root = Path.Combine(Site.AppData, "Sites", pd, "media");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    private async Task<string> NewPdAsync()
    {
        var name = "md" + Guid.NewGuid().ToString("N")[..8];
        await Site.CreateTenantAsync(name);
        return name;
    }

    private async Task<SiteClient> SignedInAdminAsync(string pd)
    {
        var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return admin;
    }

    /// <summary>The administrator adds an Editor (the website team); the editor signs in.</summary>
    private async Task<SiteClient> SignedInEditorAsync(string pd, SiteClient? admin = null)
    {
        using var ownAdmin = admin is null ? await SignedInAdminAsync(pd) : null;
        var created = await (admin ?? ownAdmin!).SubmitAsync(Site.Url(pd, "/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = "editor1", ["Email"] = "editor1@dinas.bekasikota.go.id", ["DisplayName"] = "Tim Website",
            ["Password"] = "Editor-Kuat-2026", ["ConfirmPassword"] = "Editor-Kuat-2026", ["Roles"] = "Editor",
        });
        Assert.Equal("Pengguna 'editor1' dibuat.", created.SuccessMessage);
        var editor = Site.NewVisitor();
        await editor.SignInAsync(Site.Url(pd), "editor1", "Editor-Kuat-2026");
        return editor;
    }
}

public sealed class MediaOnSqlite(SqliteSite fixture) : MediaTests(fixture), IClassFixture<SqliteSite>;

public sealed class MediaOnPostgres(PostgresSite fixture) : MediaTests(fixture), IClassFixture<PostgresSite>;
