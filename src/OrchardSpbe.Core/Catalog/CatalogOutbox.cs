using System.Text.Json;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>
/// How a tenant feeds the portal catalog: entries are written to the tenant's own outbox in the same
/// transaction as the change that caused them, then copied to the host store right after the commit.
/// A copy that fails (host store down, process stopped) is retried by <see cref="CatalogOutboxSweep"/>,
/// so the portal never shows what a PD did not commit and never misses what it did.
/// </summary>
public sealed class CatalogOutbox(TenantSession session, TenantContext tenant, CatalogPublisher publisher)
{
    public Task PublishAsync(CatalogEntry entry) => EnqueueAsync(entry.Kind, entry.SourceId, JsonSerializer.Serialize(entry));

    public Task WithdrawAsync(string kind, string sourceId) => EnqueueAsync(kind, sourceId, null);

    private async Task EnqueueAsync(string kind, string sourceId, string? entry)
    {
        await session.ExecuteAsync(
            "INSERT INTO spbe_catalog_outbox (kind, source_id, entry, created_utc) VALUES (@kind, @sourceId, @entry, @now)",
            new { kind, sourceId, entry, now = UnixTime.Now });
        var record = tenant.Shell.Record;
        await session.AfterCommitAsync("catalog-flush", () => publisher.FlushAsync(record));
    }
}
