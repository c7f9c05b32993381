using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Testing;

/// <summary>
/// Many PD tenants for a test quickly (SQLite): copies of one set up through the real recipe, taken with SQLite's
/// online backup, registered in the host store as running. Setup, not the thing under test — and, unlike a tenant
/// just created, a clone's shell is not built until something uses it.
/// </summary>
public static class TenantClones
{
    public static async Task CloneAsync(TestSite site, string template, IEnumerable<string> names)
    {
        var database = site.Services.GetRequiredService<IDatabaseProvider>();
        if (database.Name != DatabaseProviderName.Sqlite) throw new NotSupportedException("Clones are SQLite files.");
        var appData = site.Services.GetRequiredService<AppDataFolder>();
        var store = site.Services.GetRequiredService<TenantStore>();
        var source = site.Registry.Find(template) ?? throw new InvalidOperationException("No tenant " + template);
        await using var from = new SqliteConnection($"Data Source={appData.Combine(source.DatabaseLocation)};Mode=ReadOnly;Pooling=False");
        await from.OpenAsync();
        foreach (var name in names)
        {
            var location = database.LocationForTenant(name);
            Directory.CreateDirectory(Path.GetDirectoryName(appData.Combine(location))!);
            await using (var to = new SqliteConnection($"Data Source={appData.Combine(location)};Pooling=False"))
            {
                await to.OpenAsync();
                from.BackupDatabase(to);
                await using var wal = to.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync();
            }
            var now = DateTimeOffset.UtcNow;
            var record = source with
            {
                Name = name, DisplayName = "Dinas Uji " + name, Hosts = [$"{name}.bekasikota.go.id"], UrlPrefix = null,
                DatabaseLocation = location, State = TenantState.Running, CreatedUtc = now, ModifiedUtc = now,
            };
            await store.InsertAsync(record);
            site.Registry.Set(record);
        }
    }
}
