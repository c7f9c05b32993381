using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

public sealed class SqliteDataStoreTests(SqliteSite fixture) : DataStoreTests(fixture.Site), IClassFixture<SqliteSite>;

public sealed class PostgresDataStoreTests(PostgresSite fixture) : DataStoreTests(fixture.Site), IClassFixture<PostgresSite>;

/// <summary>The DataStore on SQLite and on PostgreSQL, through the walidata's upload form and the public API.</summary>
public abstract class DataStoreTests(TestSite site)
{
    // Each bad file is refused with its reason and row; nothing of it remains (no resource, no table).
    [Fact]
    public async Task Bad_files_and_internal_links_are_refused_with_a_clear_reason_and_nothing_is_written()
    {
        var desk = await DataDesk.OpenAsync(site);
        var id = await desk.PublishDatasetAsync("Data uji masukan", "data-uji");
        var wide = string.Join(",", Enumerable.Range(1, 10_000).Select(i => "k" + i)) + "\n" + string.Join(",", Enumerable.Range(1, 10_000)) + "\n";
        var latin1 = Encoding.UTF8.GetBytes("nama,kota\nAgus,Bekasi\n").Concat(new byte[] { (byte)'J', 0xE9, (byte)'r', (byte)'o', (byte)'m', (byte)'e', (byte)',', (byte)'X', (byte)'\n' }).ToArray();
        foreach (var (file, content, expected) in new (string, byte[], string)[]
                 {
                     ("ragged.csv", Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n4,5\n"), "Baris 3 memiliki 2 kolom, sedangkan judul memiliki 3."),
                     ("dobel.csv", Encoding.UTF8.GetBytes("kode,nama,Kode\n1,a,2\n"), "Nama kolom \"Kode\" dipakai dua kali (kolom 1 dan 3)."),
                     ("lebar.csv", Encoding.UTF8.GetBytes(wide), "Baris 1 memiliki 10000 kolom; paling banyak 1000."),
                     ("campur.csv", latin1, "Baris 3 bukan teks UTF-8 yang sah"),
                     ("kosong.csv", [], "Berkas kosong."),
                     ("palsu.pdf", Encoding.UTF8.GetBytes("bukan pdf"), "Isi berkas tidak sesuai dengan format PDF."),
                     ("skrip.exe", Encoding.UTF8.GetBytes("MZ"), "Pilih format: CSV, XLSX, JSON, XML, PDF atau ODS."),
                 })
        {
            var page = await desk.AddResourceAsync(desk.PdAdmin, id, "Uji " + file, file, content);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(page.Errors, e => e.Contains(expected));
        }
        foreach (var url in new[] { "http://127.0.0.1/data.csv", "http://10.1.2.3/a.csv", "http://172.20.0.1/a.csv", "http://192.168.1.1/a.csv",
                     "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.csv", "http://localhost:5432/", "http://[::ffff:127.0.0.1]/x", "file:///etc/passwd" })
        {
            var page = await desk.AddResourceAsync(desk.PdAdmin, id, "Tautan", url: url);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(page.Errors, e => e.Contains("Tautan"));
        }
        var resources = await desk.PdAdmin.OpenAsync(desk.Url($"/admin/data/{id}"));
        Assert.Empty(resources.Document.QuerySelectorAll("tr[data-resource]"));
        Assert.Empty(Directory.Exists(Path.Combine(site.AppData, "Sites", desk.Pd, "datasets")) ? Directory.GetDirectories(Path.Combine(site.AppData, "Sites", desk.Pd, "datasets")) : []);

        var link = await desk.AddResourceAsync(desk.PdAdmin, id, "Portal BPS", url: "https://bekasikota.bps.go.id/data.csv", format: "CSV");
        Assert.Empty(link.Errors);
        Assert.Single(link.Document.QuerySelectorAll("tr[data-resource]"));
    }

    // The walidata reloads a resource with corrected types while readers page through it: every read sees the whole
    // old table or the whole new one, never a half-loaded one and never an error.
    [Fact]
    public async Task A_reload_swaps_the_table_atomically_while_readers_read()
    {
        var desk = await DataDesk.OpenAsync(site);
        var id = await desk.PublishDatasetAsync("Kasus DBD muat ulang", "kasus-muat-ulang");
        Assert.Empty((await desk.AddResourceAsync(desk.PdAdmin, id, "Kasus", "kasus.csv", DataDesk.DbdCsv(months: 120))).Errors);
        var resourceId = await desk.ResourceIdAsync(id, "Kasus");
        using var reader = site.NewVisitor();
        async Task<(long Total, string KasusType)> ReadAsync()
        {
            var json = await reader.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}&limit=1"));
            Assert.True(json.GetProperty("success").GetBoolean(), json.ToString());
            var result = json.GetProperty("result");
            return (result.GetProperty("total").GetInt64(), result.GetProperty("fields").EnumerateArray().First(f => f.GetProperty("id").GetString() == "kasus").GetProperty("type").GetString()!);
        }
        Assert.Equal((1440L, "int8"), await ReadAsync());

        using var stop = new CancellationTokenSource();
        var seen = new List<(long, string)>();
        var readers = Task.Run(async () => { while (!stop.IsCancellationRequested) seen.Add(await ReadAsync()); });
        for (var i = 0; i < 3; i++)
        {
            var page = await desk.PdAdmin.SubmitAsync(desk.Url($"/admin/data/{id}"), "form.column-types", new Dictionary<string, string> { ["type:kasus"] = i % 2 == 0 ? "numeric" : "text" });
            Assert.Empty(page.Errors);
        }
        stop.Cancel();
        await readers;
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(1440L, s.Item1));
        Assert.Equal((1440L, "numeric"), await ReadAsync());

        // A type the cells do not fit is refused; the table stays as it was.
        var refused = await desk.PdAdmin.SubmitAsync(desk.Url($"/admin/data/{id}"), "form.column-types", new Dictionary<string, string> { ["type:kecamatan"] = "int8" });
        Assert.Contains(refused.Errors, e => e.Contains("kecamatan") && e.Contains("bukan nilai int8"));
        Assert.Equal((1440L, "numeric"), await ReadAsync());
    }
}
