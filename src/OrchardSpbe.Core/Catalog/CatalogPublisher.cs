using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>Copies a tenant's outbox to the host catalog in order, then tells every node the portal's pages changed.</summary>
public sealed class CatalogPublisher(IDatabaseProvider database, PortalCatalog catalog, IChangeBus changes, ILogger<CatalogPublisher> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    // Tenants whose outbox may hold rows no flush has copied: every tenant once after start (a crash may have left
    // some), and any whose flush failed since.
    private readonly ConcurrentDictionary<string, bool> _checked = new();

    /// <summary>Whether the sweep should look at this tenant's outbox (most of the time: no, so idle tenants cost nothing).</summary>
    public bool NeedsSweep(string tenant) => !_checked.TryGetValue(tenant, out var clean) || !clean;

    public async Task FlushAsync(TenantRecord tenant, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var changed = 0;
            await using var connection = await database.OpenAsync(tenant.DatabaseLocation, cancellationToken);
            while (true)
            {
                var rows = (await connection.QueryAsync<OutboxRow>(
                    "SELECT id AS Id, kind AS Kind, source_id AS SourceId, entry AS Entry FROM spbe_catalog_outbox ORDER BY id LIMIT 200")).ToList();
                if (rows.Count == 0) break;
                changed += await catalog.ApplyAsync(tenant.Name,
                    rows.Select(r => (r.Id, r.Kind, r.SourceId, r.Entry is null ? null : JsonSerializer.Deserialize<CatalogEntry>(r.Entry)! with { Tenant = tenant.Name })).ToList());
                await connection.ExecuteAsync("DELETE FROM spbe_catalog_outbox WHERE id <= @last", new { last = rows[^1].Id });
            }
            _checked[tenant.Name] = true;
            if (changed > 0)
            {
                // The PD's own pages that read the catalog (home, feeds) and the portal's pages are stale now.
                await changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, tenant.Name));
                await changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, TenantRecord.DefaultName));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The rows stay in the outbox; the sweep copies them on its next round.
            _checked[tenant.Name] = false;
            logger.LogWarning(exception, "Catalog entries of {Tenant} could not be copied to the portal yet", tenant.Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed class OutboxRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string SourceId { get; set; } = "";
        public string? Entry { get; set; }
    }
}
