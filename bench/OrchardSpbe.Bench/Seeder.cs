using Microsoft.Data.Sqlite;
using OrchardSpbe.Tenants;
using OrchardSpbe.Web;

namespace OrchardSpbe.Bench;

/// <summary>
/// Prepares App_Data in-process, through the same TenantManager the admin screens use: the first-run
/// setup creates the Default tenant (the city portal), then every PD site gets the pd-site recipe.
/// After <c>snapshotAfter</c> sites the folder is copied, giving a smaller install to compare memory with.
/// </summary>
public static class Seeder
{
    public static async Task SeedAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> sites, int snapshotAfter, string snapshotDir)
    {
        var app = await BuildAppAsync(settings, appData);
        try
        {
            var manager = app.Services.GetRequiredService<TenantManager>();
            for (var i = 0; i < sites.Count; i++)
            {
                await CreateAsync(manager, sites[i]);
                if (i + 1 == snapshotAfter) Snapshot(appData, snapshotDir);
            }
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The application the child host runs, in this process on <paramref name="appData"/> (its tenants started, no port).</summary>
    public static Task<WebApplication> BuildAppAsync(BenchSettings settings, string appData)
    {
        var args = HostArgs.For(appData);
        // The recipes the child host will read, not a copy that might differ.
        args.Add($"--Spbe:Recipes:Path={Path.Combine(Path.GetDirectoryName(settings.HostDll)!, "recipes")}");
        return SpbeApplication.BuildAsync([.. args], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
    }

    public static async Task CreateAsync(TenantManager manager, PdSite site)
    {
        var result = await manager.CreateAsync(new CreateTenantRequest
        {
            Name = site.Name,
            DisplayName = site.DisplayName,
            Category = site.Category,
            Hosts = [$"{site.Name}.bekasikota.go.id"],
            RecipeName = "pd-site",
            AdminUserName = BenchSettings.AdminUserName,
            AdminEmail = $"admin@{site.Name}.bekasikota.go.id",
            AdminPassword = BenchSettings.AdminPassword,
        });
        if (!result.Succeeded) throw new InvalidOperationException($"Creating {site.Name}: {string.Join("; ", result.Errors.Values)}");
    }

    // Closing pooled connections checkpoints SQLite's WAL, so the copied files are complete on their own.
    private static void Snapshot(string source, string target)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
