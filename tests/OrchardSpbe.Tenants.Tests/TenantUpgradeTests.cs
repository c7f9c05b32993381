using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OrchardSpbe.Data;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>
/// A deployment that brings a new migration step: the framework's steps and, once <see cref="Deployed"/>, one more
/// (a table of its own). Registered in place of <see cref="FrameworkMigrations"/>, so every tenant has it pending.
/// </summary>
public sealed class UpgradeProbe : DataMigration
{
    public const string Table = "spbe_upgrade_probe";
    private readonly FrameworkMigrations _framework = new();

    public bool Deployed { get; set; }
    public override string FeatureId => FrameworkMigrations.Id;
    public override IReadOnlyList<Func<MigrationContext, Task>> Steps => Deployed ? [.. _framework.Steps, Probe] : _framework.Steps;
    public int FrameworkSteps => _framework.Steps.Count;

    private static async Task Probe(MigrationContext db) => await db.ExecuteAsync($"CREATE TABLE {Table} (id INTEGER PRIMARY KEY)");

    public void Register(IServiceCollection services)
    {
        services.RemoveAll<DataMigration>(); // put back below, the framework's replaced by this probe
        services.AddSingleton<DataMigration>(this);
    }
}

/// <summary>A site whose framework migration can grow a step, with PD sites created on it (on the provider given).</summary>
public abstract class UpgradeSite(DatabaseProviderName provider, int tenants) : IAsyncLifetime
{
    public UpgradeProbe Probe { get; } = new();
    public TestSite Site { get; private set; } = null!;
    public List<string> Tenants { get; } = [];
    public TimeSpan CreateElapsed { get; private set; }

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync(new TestSiteOptions
        {
            Provider = provider,
            Extend = builder =>
            {
                // Every other module's migrations stay; only the framework's is swapped for the probe.
                var others = builder.Services.Where(d => d.ServiceType == typeof(DataMigration) && d.ImplementationType != typeof(FrameworkMigrations)).ToList();
                Probe.Register(builder.Services);
                foreach (var other in others) builder.Services.Add(other);
            },
        });
        var clock = Stopwatch.StartNew();
        var suffix = Guid.NewGuid().ToString("N")[..4];
        for (var i = 0; i < tenants; i++)
        {
            var name = $"up{i:00}x{suffix}";
            await Site.CreateTenantAsync(name, $"Kelurahan Uji {i:00}");
            Tenants.Add(name);
        }
        CreateElapsed = clock.Elapsed;
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class SqliteUpgradeSite() : UpgradeSite(DatabaseProviderName.Sqlite, 4);

/// <summary>Issue 17 §4: 60 schemas in one PostgreSQL database, through the one shared pool.</summary>
public sealed class PostgresUpgradeSite() : UpgradeSite(DatabaseProviderName.Postgres, 60);

/// <summary>
/// Issue 17 §4: a new migration reaches every running tenant in the background, a transaction per tenant; a tenant that
/// fails is recorded with its error and the rest go on; the tenant admin shows the progress and retries the failed one.
/// </summary>
public abstract class TenantUpgradeTests(UpgradeSite fixture, ChromiumFixture chromium)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_new_migration_reaches_every_tenant_past_a_failing_one_and_the_failed_one_is_retried()
    {
        var upgrades = Site.Services.GetRequiredService<TenantUpgrades>();
        var migrations = Site.Services.GetRequiredService<TenantMigrations>();
        var broken = fixture.Tenants[1];
        // The broken tenant already has a table of the new step's name, so the step fails there.
        await ExecuteInStoreAsync(broken, $"CREATE TABLE {UpgradeProbe.Table} (something TEXT)");
        var running = Site.Registry.All.Count(t => t.State == TenantState.Running);
        Assert.Empty(upgrades.Behind());

        fixture.Probe.Deployed = true; // the deployment
        Assert.Equal(running, upgrades.Behind().Count);
        var walk = await upgrades.UpgradeBehindAsync("test", CancellationToken.None);
        Assert.NotNull(walk);
        await walk.WaitAsync(TimeSpan.FromMinutes(3));

        var run = await upgrades.LatestAsync();
        Assert.NotNull(run);
        Assert.True(run.Finished);
        Assert.Equal((running, running - 1, 1), (run.Total, run.Done, run.Failed));
        var failure = Assert.Single(await migrations.FailuresAsync());
        Assert.Equal(broken, failure.TenantName);
        Assert.Contains(UpgradeProbe.Table, failure.Error);
        foreach (var tenant in fixture.Tenants)
            Assert.Equal(tenant == broken ? fixture.Probe.FrameworkSteps : fixture.Probe.FrameworkSteps + 1, await FrameworkVersionAsync(tenant));
        // Every PD site still serves, the failed one on its old schema.
        using (var visitor = Site.NewVisitor())
        {
            foreach (var tenant in fixture.Tenants)
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url(tenant))).StatusCode);
        }
        // Once current, nothing more runs.
        var current = Site.Registry.Find(fixture.Tenants[0])!;
        Assert.Equal(0, await migrations.MigrateAsync(current));

        await ExecuteInStoreAsync(broken, $"DROP TABLE {UpgradeProbe.Table}");
        await RetryAsync(broken);
        await upgrades.Current.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(fixture.Probe.FrameworkSteps + 1, await FrameworkVersionAsync(broken));
        Assert.Empty(await migrations.FailuresAsync());
        Assert.Empty(upgrades.Behind());
        var retried = await upgrades.LatestAsync();
        Assert.Equal(("retry", 1, 1, 0), (retried!.Trigger, retried.Total, retried.Done, retried.Failed));
        fixture.Probe.Deployed = false;
    }

    /// <summary>How the administrator retries: in the browser, or through the API.</summary>
    protected abstract Task RetryAsync(string tenant);

    protected async Task RetryInBrowserAsync(string tenant)
    {
        var page = await chromium.NewPageAsync();
        await PortalAdmin.SignInInBrowserAsync(page, Site);
        await page.GotoAsync(Site.Url(null, "/admin/tenants").ToString());
        var total = Site.Registry.All.Count(t => t.State == TenantState.Running);
        await Assertions.Expect(page.Locator("#tenant-upgrade [role=status]")).ToHaveTextAsync($"Selesai: {total - 1} dari {total} tenant diperbarui, 1 gagal.");
        var row = page.Locator($"tr[data-failed-tenant='{tenant}']");
        await Assertions.Expect(row).ToContainTextAsync(UpgradeProbe.Table);
        var problems = new List<string>();
        await Accessibility.CheckAsync(page, "tenant list with a failed upgrade", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await row.Locator("button", new() { HasText = "Coba lagi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync("Pembaruan skema diulang di latar belakang; kemajuannya tampil di bawah.");
        await Site.Services.GetRequiredService<TenantUpgrades>().Current.WaitAsync(TimeSpan.FromMinutes(1));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#tenant-upgrade [role=status]")).ToHaveTextAsync("Selesai: 1 dari 1 tenant diperbarui, 0 gagal.");
        await Assertions.Expect(page.Locator("#upgrade-failures")).ToHaveCountAsync(0);
    }

    protected async Task RetryThroughTheApiAsync(string tenant)
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        using (var status = JsonDocument.Parse(await (await admin.SendAsync(HttpMethod.Get, "/api/tenant-upgrades", withToken: false)).Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, status.RootElement.GetProperty("behind").GetInt32());
            Assert.Equal(tenant, status.RootElement.GetProperty("failures")[0].GetProperty("tenantName").GetString());
            Assert.Equal(1, status.RootElement.GetProperty("latest").GetProperty("failed").GetInt32());
        }
        var nothing = await admin.SendAsync(HttpMethod.Post, "/api/tenant-upgrades/retry?name=" + fixture.Tenants[0]);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("Tidak ada tenant gagal yang dapat diulang.", (await PortalAdmin.ErrorsAsync(nothing))["name"]);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.SendAsync(HttpMethod.Post, "/api/tenant-upgrades/retry?name=" + tenant)).StatusCode);
    }

    private async Task ExecuteInStoreAsync(string tenant, string sql)
    {
        var database = Site.Services.GetRequiredService<IDatabaseProvider>();
        await using var connection = await database.OpenAsync(Site.Registry.Find(tenant)!.DatabaseLocation);
        await connection.ExecuteAsync(sql);
    }

    private async Task<long> FrameworkVersionAsync(string tenant)
    {
        var database = Site.Services.GetRequiredService<IDatabaseProvider>();
        await using var connection = await database.OpenAsync(Site.Registry.Find(tenant)!.DatabaseLocation);
        return await connection.ExecuteScalarAsync<long>("SELECT version FROM spbe_migrations WHERE feature_id = @id", new { id = FrameworkMigrations.Id });
    }
}

public sealed class TenantUpgradeOnSqlite(SqliteUpgradeSite fixture, ChromiumFixture chromium)
    : TenantUpgradeTests(fixture, chromium), IClassFixture<SqliteUpgradeSite>, IClassFixture<ChromiumFixture>
{
    protected override Task RetryAsync(string tenant) => RetryInBrowserAsync(tenant);
}

public sealed class TenantUpgradeOnPostgres(PostgresUpgradeSite fixture, ChromiumFixture chromium)
    : TenantUpgradeTests(fixture, chromium), IClassFixture<PostgresUpgradeSite>, IClassFixture<ChromiumFixture>
{
    protected override Task RetryAsync(string tenant) => RetryThroughTheApiAsync(tenant);
}
