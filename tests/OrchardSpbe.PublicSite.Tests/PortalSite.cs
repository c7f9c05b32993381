using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Catalog;
using OrchardSpbe.Data;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Tests;

/// <summary>
/// Stands in for the Contents module's public item pages: a catch-all route, as the content engine maps
/// "{**path}" to a PD's own items. Lets the tests prove that portal-only addresses fall through to it on PD sites.
/// </summary>
public sealed class PdPagesModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [];
}

[AllowAnonymous]
public sealed class PdPagesController(TenantContext tenant) : Controller
{
    [HttpGet("{**path}")]
    public IActionResult Show(string path) => Content($"halaman konten {tenant.Name}: {path}", "text/plain");
}

public abstract class PortalSiteFixture(DatabaseProviderName provider) : SiteFixture(provider)
{
    protected override TestSiteOptions Options => base.Options with { Extend = spbe => spbe.AddModule<PdPagesModule>() };
}

public sealed class PortalOnSqlite() : PortalSiteFixture(DatabaseProviderName.Sqlite);

public sealed class PortalOnPostgres() : PortalSiteFixture(DatabaseProviderName.Postgres);

/// <summary>What a PD does when it publishes: catalog entries through its outbox, in its own transaction.</summary>
public static class PdActions
{
    public static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    public static async Task PublishAsync(this TestSite site, string tenant, params CatalogEntry[] entries) =>
        await InTransactionAsync(site, tenant, async scope =>
        {
            var outbox = scope.GetRequiredService<CatalogOutbox>();
            foreach (var entry in entries) await outbox.PublishAsync(entry);
        });

    public static async Task WithdrawAsync(this TestSite site, string tenant, string kind, string sourceId) =>
        await InTransactionAsync(site, tenant, scope => scope.GetRequiredService<CatalogOutbox>().WithdrawAsync(kind, sourceId));

    /// <summary>Runs work in the tenant's scope inside one TenantSession transaction and commits it.</summary>
    public static async Task InTransactionAsync(this TestSite site, string tenant, Func<IServiceProvider, Task> work)
    {
        var shell = site.Services.GetRequiredService<ShellHost>().Find(tenant) ?? throw new InvalidOperationException("Not running: " + tenant);
        await using var scope = site.Services.GetRequiredService<TenantScopeFactory>().CreateScope(shell);
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        await using var transaction = await session.BeginTransactionAsync();
        await work(scope.ServiceProvider);
        await transaction.CommitAsync();
    }

    public static CatalogEntry News(string sourceId, string title, DateTimeOffset published, string? summary = null) => new()
    {
        Kind = CatalogKinds.News, SourceId = sourceId, Title = title, Summary = summary ?? "Ringkasan " + title,
        Path = "berita/" + sourceId, PublishedUtc = published,
    };

    public static CatalogEntry Agenda(string sourceId, string title, DateTimeOffset start, string place) => new()
    {
        Kind = CatalogKinds.Agenda, SourceId = sourceId, Title = title, Summary = "Tentang " + title, Path = "agenda/" + sourceId,
        PublishedUtc = DateTimeOffset.UtcNow, StartUtc = start, EndUtc = start.AddHours(2), Place = place,
    };

    /// <summary>Rows of a tenant in the host store's catalog (removed or not).</summary>
    public static async Task<long> HostCatalogRowsAsync(this TestSite site, string tenant)
    {
        var database = site.Services.GetRequiredService<IDatabaseProvider>();
        await using var connection = await database.OpenAsync(database.HostLocation);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM catalog_entries WHERE tenant = @tenant", new { tenant });
    }
}
