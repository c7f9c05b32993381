using Microsoft.Data.Sqlite;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 17's 1,000 tenants, lean: the portal and one PD site set up through the real TenantManager and pd-site
/// recipe, then the PD's SQLite file copied (SQLite's online backup) for every other site and each copy registered
/// in the host store, as a restore under a new name would. Minutes of recipes become seconds of file copies.
/// </summary>
public static class ScaleSeeder
{
    public static async Task SeedAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> sites)
    {
        var app = await Seeder.BuildAppAsync(settings, appData);
        try
        {
            var manager = app.Services.GetRequiredService<TenantManager>();
            await Seeder.CreateAsync(manager, sites[0]);
            var database = app.Services.GetRequiredService<IDatabaseProvider>();
            var store = app.Services.GetRequiredService<TenantStore>();
            var template = (await store.FindAsync(sites[0].Name))!;
            var folder = app.Services.GetRequiredService<AppDataFolder>();
            var migrations = app.Services.GetRequiredService<TenantMigrations>();
            await using var source = new SqliteConnection($"Data Source={folder.Combine(template.DatabaseLocation)};Mode=ReadOnly;Pooling=False");
            await source.OpenAsync();
            foreach (var site in sites.Skip(1))
            {
                var location = database.LocationForTenant(site.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(folder.Combine(location))!);
                await using (var copy = new SqliteConnection($"Data Source={folder.Combine(location)};Pooling=False"))
                {
                    await copy.OpenAsync();
                    source.BackupDatabase(copy);
                    await using var wal = copy.CreateCommand();
                    wal.CommandText = "PRAGMA journal_mode=WAL;";
                    await wal.ExecuteNonQueryAsync();
                }
                var now = DateTimeOffset.UtcNow;
                var record = template with
                {
                    Name = site.Name, DisplayName = site.DisplayName, Category = site.Category, Hosts = [$"{site.Name}.bekasikota.go.id"],
                    DatabaseLocation = location, CreatedUtc = now, ModifiedUtc = now,
                };
                await store.InsertAsync(record);
                // A copy of a current store is current: stamped, as a tenant the manager creates is.
                await migrations.MarkCurrentAsync(record);
            }
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }
}
