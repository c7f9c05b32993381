using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using OrchardSpbe.Tenants;
using OrchardSpbe.Web;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 17 §4, on SQLite and on PostgreSQL schemas (one database, one shared pool): the portal's tenant list with
/// --admin-tenants PD sites (first page, a search, a filter; p95 &lt; 50 ms), then one new migration reaching every tenant
/// (&lt; 60 s, progress polled from GET /api/tenant-upgrades): the host is started again with Spbe:BenchUpgradeStep, which
/// gives the framework's migration one more step, and the time runs from launch to the upgrade run's finish.
/// Seeding is in-process: on SQLite one PD by the pd-site recipe and copies of its file (<see cref="ScaleSeeder"/>), on
/// PostgreSQL every schema through the TenantManager and the recipe (slow: --admin-tenants keeps it in hand).
/// </summary>
public static class TenantsBench
{
    private const string HostSchema = "bench_tadm_host";
    private const string SchemaPrefix = "bench_tadm_";

    public static async Task RunAsync(BenchSettings settings, Report report)
    {
        foreach (var provider in settings.AdminProviders)
            await RunOnAsync(settings, provider, report);
    }

    private static async Task RunOnAsync(BenchSettings settings, DatabaseProviderName provider, Report report)
    {
        var appData = Path.Combine(settings.OutDir, $"tenants-{provider.ToString().ToLowerInvariant()}");
        var extra = provider == DatabaseProviderName.Postgres
            ? new List<string>
            {
                "--Spbe:Database:Provider=Postgres", $"--Spbe:Database:ConnectionString={settings.Postgres}",
                $"--Spbe:Database:HostSchema={HostSchema}", $"--Spbe:Database:SchemaPrefix={SchemaPrefix}",
            }
            : [];
        if (provider == DatabaseProviderName.Postgres) await DropSchemasAsync(settings.Postgres);
        var sites = PdSites.Take(settings.AdminTenants);

        Report.Section($"Tenant admin, {provider}: seeding Default + {sites.Count} PD tenants in-process");
        var seeding = Stopwatch.StartNew();
        // SQLite: one PD by the recipe, the others copies of its file (as the scale section); PostgreSQL: every schema by the recipe.
        if (provider == DatabaseProviderName.Sqlite) await ScaleSeeder.SeedAsync(settings, appData, sites);
        else await SeedAsync(settings, appData, extra, sites);
        Console.WriteLine($"  done in {seeding.Elapsed.TotalSeconds:F1} s");

        await using (var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"tenants-{provider}-list.log"), extra))
        {
            using var http = new SiteHttp(host.Port);
            await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(5));
            await new TenantApi(http).SignInAsync();
            var kelurahan = sites.FirstOrDefault(s => s.Category == "Kelurahan") ?? sites[^1];
            var pages = new (string Name, string Path)[]
            {
                ("first page", "/admin/tenants"),
                ("search", "/admin/tenants?q=" + Uri.EscapeDataString(kelurahan.DisplayName.Split(' ').Last())),
                ("filter", "/admin/tenants?category=Kelurahan&state=Running&page=2"),
                ("API search", "/api/tenants?q=uptd-0&pageSize=50"),
            };
            foreach (var (name, path) in pages)
            {
                var url = http.Url(null, path);
                var latency = await Latency.MeasureAsync(http, Enumerable.Repeat(url, 20).ToList(), Enumerable.Repeat(url, settings.LatencyRequests).ToList(), bypassCache: false);
                Console.WriteLine($"  {name,-11} {path}: {latency}");
                report.Check($"Portal tenant list, {sites.Count} tenants, {provider}, {name}, p95", latency.P95, "ms", "<", 50);
            }
        }

        Report.Section($"Tenant admin, {provider}: one new migration for {sites.Count + 1} tenants (host started with Spbe:BenchUpgradeStep)");
        var launched = Stopwatch.StartNew();
        await using (var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"tenants-{provider}-upgrade.log"),
                         [.. extra, "--Spbe:BenchUpgradeStep=true"]))
        {
            using var http = new SiteHttp(host.Port);
            var portal = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(10));
            Console.WriteLine($"  portal's first 200 after {portal.TotalSeconds:F1} s");
            await new TenantApi(http).SignInAsync();
            var lastPrinted = TimeSpan.Zero;
            while (true)
            {
                using var status = JsonDocument.Parse(await http.Http.GetStringAsync(http.Url(null, "/api/tenant-upgrades")));
                var latest = status.RootElement.GetProperty("latest");
                if (latest.ValueKind == JsonValueKind.Object)
                {
                    int Get(string p) => latest.GetProperty(p).GetInt32();
                    var finished = latest.GetProperty("finishedUtc").ValueKind != JsonValueKind.Null;
                    if (finished || launched.Elapsed - lastPrinted > TimeSpan.FromSeconds(2))
                    {
                        lastPrinted = launched.Elapsed;
                        Console.WriteLine($"  {launched.Elapsed.TotalSeconds,6:F1} s: {Get("done")} done, {Get("failed")} failed of {Get("total")}; {status.RootElement.GetProperty("behind").GetInt32()} behind");
                    }
                    if (finished)
                    {
                        var elapsed = DateTimeOffset.Parse(latest.GetProperty("finishedUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                                      - DateTimeOffset.Parse(latest.GetProperty("startedUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                        Console.WriteLine($"  launch → upgrade run finished: {launched.Elapsed.TotalSeconds:F1} s (the run itself {elapsed.TotalSeconds:F1} s); {Get("failed")} failed");
                        if (Get("failed") > 0 || Get("done") != Get("total")) throw new InvalidOperationException("The bench upgrade did not reach every tenant");
                        report.Check($"One new migration, {Get("total")} tenants, {provider}: launch → finished", launched.Elapsed.TotalSeconds, "s", "<", 60);
                        break;
                    }
                }
                if (launched.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The upgrade run did not finish in 10 minutes");
                await Task.Delay(250);
            }
        }
        if (provider == DatabaseProviderName.Postgres) await DropSchemasAsync(settings.Postgres);
    }

    private static async Task SeedAsync(BenchSettings settings, string appData, IReadOnlyList<string> extra, IReadOnlyList<PdSite> sites)
    {
        var args = HostArgs.For(appData);
        args.Add($"--Spbe:Recipes:Path={Path.Combine(Path.GetDirectoryName(settings.HostDll)!, "recipes")}");
        args.AddRange(extra);
        var app = await SpbeApplication.BuildAsync([.. args], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            var manager = app.Services.GetRequiredService<TenantManager>();
            foreach (var site in sites) await Seeder.CreateAsync(manager, site);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task DropSchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_tadm\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        foreach (var schema in schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
