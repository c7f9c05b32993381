using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// Before API tokens served every API they lived with the open data (ds_api_tokens). A PD upgraded from then keeps
/// the tokens its officers handed to their scripts: the upgrade moves them, hashes and all, to the users' own tokens.
/// </summary>
public sealed class TokenMoveTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_token_issued_before_the_move_still_writes_after_the_upgrade()
    {
        var site = fixture.Site;
        var desk = await DataDesk.OpenAsync(site);
        var secret = "spbe_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // The PD's store as the earlier version left it: Datasets at step 3, its token in its own table.
        await using (var store = new SqliteConnection($"Data Source={Path.Combine(site.AppData, "Sites", desk.Pd, "site.db")};Pooling=False"))
        {
            await store.OpenAsync();
            await using var rewind = store.CreateCommand();
            rewind.CommandText = """
                CREATE TABLE ds_api_tokens (
                    id TEXT PRIMARY KEY, user_name TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL, created_utc INTEGER NOT NULL,
                    expires_utc INTEGER NOT NULL, revoked_utc INTEGER NULL, last_used_utc INTEGER NULL);
                INSERT INTO ds_api_tokens (id, user_name, name, hash, created_utc, expires_utc) VALUES ('lama', 'admin', 'ckanapi lama', $hash, $now, $expires);
                UPDATE spbe_migrations SET version = 3 WHERE feature_id = 'OrchardSpbe.Datasets';
                """;
            rewind.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
            rewind.Parameters.AddWithValue("$now", now);
            rewind.Parameters.AddWithValue("$expires", now + 30L * 24 * 3600 * 1000);
            await rewind.ExecuteNonQueryAsync();
        }
        var migrations = site.Services.GetRequiredService<TenantMigrations>();
        await migrations.ForgetAsync(desk.Pd);
        Assert.Equal(1, await migrations.MigrateAsync(site.Registry.Find(desk.Pd)!));

        using var script = site.NewVisitor();
        var request = new HttpRequestMessage(HttpMethod.Post, desk.Url("/api/3/action/package_create"))
        {
            Content = JsonContent.Create(new { name = "token-lama", title = "Ditulis dengan token lama", notes = "Token dari sebelum pemindahan.", groups = new[] { new { name = "kesehatan" } } }),
        };
        request.Headers.TryAddWithoutValidation("X-CKAN-API-Key", secret);
        var created = await script.SendAsync(request);
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        Assert.Equal("token-lama", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetProperty("name").GetString());

        var list = await desk.PdAdmin.OpenAsync(desk.Url("/admin/token"));
        Assert.Contains(list.Document.QuerySelectorAll("tr[data-token] td:first-child"), cell => cell.TextContent.Trim() == "ckanapi lama");
    }
}
