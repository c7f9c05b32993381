using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// 001 Pasal 16: data exchanged in open formats, XML and for automatic processing. A walidata uploads the same table as
/// ODS, JSON (a list, and a list inside an object) and XML; each lands in the DataStore and reads back through CKAN's
/// datastore_search like the CSV. A JSON or XML file that is not a table is kept as a file with the reason shown.
/// </summary>
public sealed class OpenFormatsTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private readonly TestSite site = fixture.Site;

    [Fact]
    public async Task Ods_json_and_xml_tables_load_into_the_datastore_and_other_documents_stay_files()
    {
        var desk = await DataDesk.OpenAsync(site, "dkfmt");
        var id = await desk.PublishDatasetAsync("Kasus DBD aneka format", "kasus-aneka-format");
        var files = new (string Name, string File, byte[] Content)[]
        {
            ("ODS", "kasus.ods", Ods()),
            ("JSON larik", "kasus.json", Encoding.UTF8.GetBytes("""[{"kecamatan":"Bekasi Timur","bulan":"2025-01","kasus":12},{"kecamatan":"Jatiasih","bulan":"2025-01","kasus":7},{"kecamatan":"Medan Satria","bulan":"2025-02","kasus":null}]""")),
            ("JSON objek", "kasus-ckan.json", Encoding.UTF8.GetBytes("""{"success":true,"result":{"records":[{"kecamatan":"Bekasi Timur","bulan":"2025-01","kasus":12},{"kecamatan":"Jatiasih","bulan":"2025-01","kasus":7},{"kecamatan":"Medan Satria","bulan":"2025-02"}]}}""")),
            ("XML", "kasus.xml", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><data><baris kecamatan="Bekasi Timur"><bulan>2025-01</bulan><kasus>12</kasus></baris><baris kecamatan="Jatiasih"><bulan>2025-01</bulan><kasus>7</kasus></baris><baris kecamatan="Medan Satria"><bulan>2025-02</bulan><kasus/></baris></data>""")),
        };
        foreach (var (name, file, content) in files)
        {
            var page = await desk.AddResourceAsync(desk.PdAdmin, id, "Kasus " + name, file, content, format: file[(file.LastIndexOf('.') + 1)..].ToUpperInvariant());
            Assert.Empty(page.Errors);
            var resourceId = await desk.ResourceIdAsync(id, "Kasus " + name);
            using var visitor = site.NewVisitor();
            var json = await visitor.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}&sort=_id"));
            Assert.True(json.GetProperty("success").GetBoolean(), name + ": " + json);
            var result = json.GetProperty("result");
            Assert.Equal(3, result.GetProperty("total").GetInt64());
            var fields = result.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("type").GetString());
            Assert.Equal("int8", fields["kasus"]);
            Assert.Contains("kecamatan", fields.Keys);
            var records = result.GetProperty("records").EnumerateArray().ToList();
            Assert.Equal("Jatiasih", records[1].GetProperty("kecamatan").GetString());
            Assert.Equal(7, records[1].GetProperty("kasus").GetInt64());
            Assert.Equal(JsonValueKind.Null, records[2].GetProperty("kasus").ValueKind);
        }

        // Documents that are not tables: kept as files, with why they have no DataStore table; nothing half-loaded.
        var notTables = new (string File, byte[] Content, string Reason)[]
        {
            ("skema.json", Encoding.UTF8.GetBytes("""{"versi":2,"catatan":"bukan tabel"}"""), "bukan daftar rekaman"),
            ("xxe.xml", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d><r><a>&x;</a></r></d>"""), "Berkas XML tidak sah"),
        };
        foreach (var (file, content, reason) in notTables)
        {
            var page = await desk.AddResourceAsync(desk.PdAdmin, id, "Dokumen " + file, file, content, format: file[(file.LastIndexOf('.') + 1)..].ToUpperInvariant());
            Assert.Empty(page.Errors);
            var row = page.Document.QuerySelectorAll("tr[data-resource]").Single(r => r.TextContent.Contains("Dokumen " + file));
            Assert.Contains(reason, row.QuerySelector("td[data-datastore]")!.TextContent);
            Assert.DoesNotContain("root:", row.TextContent);
        }

        // A spreadsheet that is not one is refused, as a bad CSV is.
        var fake = await desk.AddResourceAsync(desk.PdAdmin, id, "ODS palsu", "palsu.ods", Zip(("mimetype", "application/zip"), ("content.xml", "<x/>")), format: "ODS");
        Assert.Contains(fake.Errors, e => e.Contains("Berkas bukan ODS yang sah"));
    }

    /// <summary>An ODS as LibreOffice writes it: typed cells, a repeated empty cell between values, and blanks to the sheet's edge.</summary>
    private static byte[] Ods()
    {
        const string cell = """<table:table-cell office:value-type="string"><text:p>{0}</text:p></table:table-cell>""";
        static string Number(int n) => $"""<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>""";
        static string Row(params string[] cells) => "<table:table-row>" + string.Concat(cells) + """<table:table-cell table:number-columns-repeated="16381"/></table:table-row>""";
        var content = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
            <office:body><office:spreadsheet><table:table table:name="Kasus">
            {Row(string.Format(cell, "kecamatan"), string.Format(cell, "bulan"), string.Format(cell, "kasus"))}
            {Row(string.Format(cell, "Bekasi Timur"), string.Format(cell, "2025-01"), Number(12))}
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            {Row(string.Format(cell, "Jatiasih"), string.Format(cell, "2025-01"), Number(7))}
            {Row(string.Format(cell, "Medan Satria"), string.Format(cell, "2025-02"), "<table:table-cell/>")}
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table><table:table table:name="Lain"><table:table-row>{string.Format(cell, "abaikan")}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>
            """;
        return Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content),
            ("META-INF/manifest.xml", """<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"""));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }
}
