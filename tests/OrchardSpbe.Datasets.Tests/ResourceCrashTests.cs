using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// Issue 12 §2 for the Datasets module: the host, as its own process, is killed while a walidata uploads a CSV
/// resource — just before the commit that records it and builds its DataStore table, and just after. When it starts
/// again: the acknowledged resource is whole (row, file, table, on the portal), the interrupted one is nowhere (no
/// row, no table, no file served), and the store holds no DataStore table without its resource. SQLite and PostgreSQL.
/// </summary>
public sealed class ResourceCrashTests
{
    [Theory]
    [InlineData(DatabaseProviderName.Sqlite)]
    [InlineData(DatabaseProviderName.Postgres)]
    public async Task A_resource_upload_killed_before_or_after_its_commit_is_all_there_or_nowhere(DatabaseProviderName provider)
    {
        var site = await TestSite.StartAsync(new TestSiteOptions { Provider = provider });
        try
        {
            var desk = await DataDesk.OpenAsync(site, "dkcrash");
            var id = await desk.PublishDatasetAsync("Kasus DBD tahan mati", "kasus-tahan-mati");
            await site.App.StopAsync();

            foreach (var (point, name) in new[] { ("commit:before", "Kasus hilang"), ("commit:after", "Kasus tersimpan") })
            {
                await using var doomed = await NodeProcess.StartAsync(site, $"{point} /admin/data/{id}");
                using var admin = doomed.NewVisitor();
                await admin.SignInAsync(doomed.Url(desk.Pd), "admin", TestEnvironment.AdminPassword);
                try
                {
                    var page = await admin.SubmitAsync(doomed.Url(desk.Pd, $"/admin/data/{id}"), "form.add-resource",
                        new Dictionary<string, string> { ["name"] = name, ["url"] = "", ["format"] = "CSV" }, [("file", "kasus.csv", DataDesk.DbdCsv())]);
                    Assert.Fail($"The upload was answered ({page.Status}) although the node should have died first.");
                }
                catch (HttpRequestException) { } // the connection dies with the node
                await doomed.WaitForDeathAsync();
            }

            await using var node = await NodeProcess.StartAsync(site, null);
            using var walidata = node.NewVisitor();
            await walidata.SignInAsync(node.Url(desk.Pd), "admin", TestEnvironment.AdminPassword);
            var resources = await walidata.OpenAsync(node.Url(desk.Pd, $"/admin/data/{id}"));
            var rows = resources.Document.QuerySelectorAll("tr[data-resource]").ToList();
            var kept = Assert.Single(rows);
            Assert.Contains("Kasus tersimpan", kept.TextContent);
            var resourceId = kept.GetAttribute("data-resource")!;

            using var visitor = node.NewVisitor();
            var table = await visitor.Http.GetFromJsonAsync<JsonElement>(node.Url(desk.Pd, $"/api/3/action/datastore_search?resource_id={resourceId}&limit=1"));
            Assert.Equal(144, table.GetProperty("result").GetProperty("total").GetInt64());
            var file = await visitor.Http.GetByteArrayAsync(node.Url(desk.Pd, $"/data/kasus-tahan-mati/sumber/{resourceId}/unduh"));
            Assert.Equal(SHA256.HashData(DataDesk.DbdCsv()), SHA256.HashData(file));
            Assert.Equal(1, await DataStoreTablesAsync(site, provider, desk.Pd));

            // The portal's copy of the dataset was written in the same transaction: it lists the kept resource only.
            await DataDesk.WaitUntilAsync(async () =>
            {
                var response = await visitor.GetAsync(node.Url(null, "/api/3/action/package_show?id=kasus-tahan-mati"));
                if (response.StatusCode != HttpStatusCode.OK) return false;
                var shown = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetProperty("resources");
                return shown.GetArrayLength() == 1 && shown[0].GetProperty("name").GetString() == "Kasus tersimpan";
            }, "The portal did not show exactly the kept resource.");
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    /// <summary>DataStore tables in the PD's store, read from the database itself.</summary>
    private static async Task<long> DataStoreTablesAsync(TestSite site, DatabaseProviderName provider, string pd)
    {
        if (provider == DatabaseProviderName.Sqlite)
        {
            await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(site.AppData, "Sites", pd, "site.db")};Mode=ReadOnly;Pooling=False");
            await sqlite.OpenAsync();
            await using var query = sqlite.CreateCommand();
            query.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'dst\\_%' ESCAPE '\\'";
            return (long)(await query.ExecuteScalarAsync())!;
        }
        await using var postgres = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name LIKE 'dst\\_%'", postgres);
        command.Parameters.AddWithValue("schema", $"t{site.RunId}_{pd}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
