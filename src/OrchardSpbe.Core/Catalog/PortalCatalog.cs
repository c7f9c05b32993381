using System.Text;
using Dapper;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Catalog;

/// <summary>
/// The cross-tenant catalog in the host store. Rows are applied in each tenant's outbox order (a
/// sequence number guards against an older copy overwriting a newer one), removals leave a tombstone,
/// and readers see only running tenants — so a disabled PD drops out at once and a deleted one for good.
/// </summary>
public sealed class PortalCatalog(IDatabaseProvider database, TenantRegistry registry)
{
    public async Task EnsureCreatedAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var d = database.Dialect;
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS catalog_entries (
                tenant TEXT NOT NULL, kind TEXT NOT NULL, source_id TEXT NOT NULL, seq {d.BigInt} NOT NULL,
                removed {d.Boolean} NOT NULL, title TEXT NOT NULL, summary TEXT NULL, path TEXT NOT NULL, image_path TEXT NULL,
                published_utc {d.BigInt} NOT NULL, start_utc {d.BigInt} NULL, end_utc {d.BigInt} NULL, place TEXT NULL, data TEXT NULL,
                PRIMARY KEY (tenant, kind, source_id));
            CREATE INDEX IF NOT EXISTS ix_catalog_published ON catalog_entries (kind, removed, published_utc);
            CREATE INDEX IF NOT EXISTS ix_catalog_start ON catalog_entries (kind, removed, start_utc);
            CREATE INDEX IF NOT EXISTS ix_catalog_tenant ON catalog_entries (tenant, kind, removed, published_utc);
            CREATE TABLE IF NOT EXISTS catalog_versions (kind TEXT NOT NULL PRIMARY KEY, version {d.BigInt} NOT NULL);
            DROP INDEX IF EXISTS ix_catalog_stamp;
            """);
    }

    /// <summary>Applies outbox rows of one tenant in one transaction; returns how many changed the catalog.</summary>
    public async Task<int> ApplyAsync(string tenant, IReadOnlyList<(long Seq, string Kind, string SourceId, CatalogEntry? Entry)> changes)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        var applied = 0;
        foreach (var (seq, kind, sourceId, entry) in changes)
        {
            applied += await connection.ExecuteAsync("""
                INSERT INTO catalog_entries (tenant, kind, source_id, seq, removed, title, summary, path, image_path, published_utc, start_utc, end_utc, place, data)
                VALUES (@tenant, @kind, @sourceId, @seq, @removed, @title, @summary, @path, @image, @published, @start, @end, @place, @data)
                ON CONFLICT (tenant, kind, source_id) DO UPDATE SET
                    seq = excluded.seq, removed = excluded.removed, title = excluded.title, summary = excluded.summary, path = excluded.path,
                    image_path = excluded.image_path, published_utc = excluded.published_utc, start_utc = excluded.start_utc,
                    end_utc = excluded.end_utc, place = excluded.place, data = excluded.data
                WHERE catalog_entries.seq < excluded.seq
                """, new
            {
                tenant, kind, sourceId, seq, removed = entry is null, title = entry?.Title ?? "", summary = entry?.Summary,
                path = entry?.Path ?? "", image = entry?.ImagePath, published = UnixTime.Ms(entry?.PublishedUtc ?? DateTimeOffset.UnixEpoch),
                start = UnixTime.Ms(entry?.StartUtc), end = UnixTime.Ms(entry?.EndUtc), place = entry?.Place, data = entry?.Data,
            }, transaction);
        }
        if (applied > 0) await BumpAsync(connection, transaction, changes.Select(c => c.Kind));
        await transaction.CommitAsync();
        return applied;
    }

    /// <summary>
    /// Raises the version of each kind changed, in the transaction of the change (kinds in one order, so two writers
    /// never wait on each other crosswise): what <see cref="StampAsync"/> reads.
    /// </summary>
    private static async Task BumpAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IEnumerable<string>? kinds)
    {
        if (kinds is null)
        {
            await connection.ExecuteAsync("UPDATE catalog_versions SET version = version + 1", transaction: transaction);
            return;
        }
        foreach (var kind in kinds.Distinct().Order(StringComparer.Ordinal))
            await connection.ExecuteAsync("""
                INSERT INTO catalog_versions (kind, version) VALUES (@kind, 1)
                ON CONFLICT (kind) DO UPDATE SET version = catalog_versions.version + 1
                """, new { kind }, transaction);
    }

    public async Task RemoveTenantAsync(string tenant)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM catalog_entries WHERE tenant = @tenant", new { tenant }, transaction);
        await BumpAsync(connection, transaction, kinds: null);
        await transaction.CommitAsync();
    }

    /// <summary>A restored tenant's entries replace whatever the catalog held for it (issue 12 §1), in one transaction.</summary>
    public async Task ReplaceTenantAsync(string tenant, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var tenantColumn = columns.ToList().IndexOf("tenant");
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM catalog_entries WHERE tenant = @tenant", new { tenant }, transaction);
        await Backup.TableLoader.LoadAsync(connection, transaction, database.Dialect, "catalog_entries", columns,
            rows.Select(row => { row[tenantColumn] = tenant; return row; }), CancellationToken.None);
        await BumpAsync(connection, transaction, kinds: null);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// A stamp of one kind's entries: its version, raised in the transaction of every change to them (an entry applied,
    /// a tenant's rows removed or restored) — one indexed row, read per request by a node that caches what it read from
    /// the catalog, so it sees another node's change at once. Which tenants run is not in it: the caller adds the
    /// registry's state.
    /// </summary>
    public async Task<string> StampAsync(string kind)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var version = await connection.QuerySingleOrDefaultAsync<long?>("SELECT version FROM catalog_versions WHERE kind = @kind", new { kind });
        return (version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<CatalogPage> QueryAsync(CatalogQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        // One PD's entries, or every PD's but those not running — usually none, so the filter stays short
        // however many PDs there are (rather than listing the 120 that run).
        var where = new StringBuilder("WHERE kind = @kind AND removed = FALSE");
        string[] stopped = [];
        if (query.Tenant is not null)
        {
            if (registry.Find(query.Tenant) is not { State: TenantState.Running }) return new CatalogPage([], 0, page, pageSize);
            where.Append(" AND tenant = @tenant");
        }
        else
        {
            where.Append(" AND tenant <> @portal");
            stopped = registry.All.Where(t => t.State != TenantState.Running).Select(t => t.Name).ToArray();
            if (stopped.Length > 0) where.Append(" AND NOT (").Append(database.Dialect.InList("tenant", "stopped")).Append(')');
        }
        if (query.StartsFrom is not null) where.Append(" AND start_utc >= @from");
        if (query.StartsBefore is not null) where.Append(" AND start_utc < @before");
        var order = query.Order switch
        {
            CatalogOrder.StartAsc => "start_utc, tenant, source_id",
            CatalogOrder.StartDesc => "start_utc DESC, tenant, source_id",
            _ => "published_utc DESC, tenant, source_id",
        };
        var parameters = new
        {
            kind = query.Kind, tenant = query.Tenant, portal = TenantRecord.DefaultName, stopped,
            from = UnixTime.Ms(query.StartsFrom), before = UnixTime.Ms(query.StartsBefore),
            take = pageSize, skip = (long)(page - 1) * pageSize,
        };
        await using var connection = await database.OpenAsync(database.HostLocation);
        var rows = await connection.QueryAsync<CatalogRow>($"""
            SELECT tenant AS Tenant, kind AS Kind, source_id AS SourceId, title AS Title, summary AS Summary, path AS Path,
                   image_path AS ImagePath, published_utc AS PublishedUtc, start_utc AS StartUtc, end_utc AS EndUtc, place AS Place, data AS Data
            FROM catalog_entries {where} ORDER BY {order} LIMIT @take OFFSET @skip
            """, parameters);
        var total = query.CountTotal ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM catalog_entries {where}", parameters) : -1;
        return new CatalogPage(rows.Select(r => r.ToEntry()).ToList(), total, page, pageSize);
    }

    private sealed class CatalogRow
    {
        public string Tenant { get; set; } = "";
        public string Kind { get; set; } = "";
        public string SourceId { get; set; } = "";
        public string Title { get; set; } = "";
        public string? Summary { get; set; }
        public string Path { get; set; } = "";
        public string? ImagePath { get; set; }
        public DateTimeOffset PublishedUtc { get; set; }
        public DateTimeOffset? StartUtc { get; set; }
        public DateTimeOffset? EndUtc { get; set; }
        public string? Place { get; set; }
        public string? Data { get; set; }

        public CatalogEntry ToEntry() => new()
        {
            Tenant = Tenant, Kind = Kind, SourceId = SourceId, Title = Title, Summary = Summary, Path = Path, ImagePath = ImagePath,
            PublishedUtc = PublishedUtc, StartUtc = StartUtc, EndUtc = EndUtc, Place = Place, Data = Data,
        };
    }
}

public sealed record CatalogQuery
{
    public string Kind { get; init; } = CatalogKinds.News;

    /// <summary>One PD only (its feeds); null: every running PD.</summary>
    public string? Tenant { get; init; }
    public DateTimeOffset? StartsFrom { get; init; }
    public DateTimeOffset? StartsBefore { get; init; }
    public CatalogOrder Order { get; init; } = CatalogOrder.PublishedDesc;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public bool CountTotal { get; init; } = true;
}

/// <summary>Newest first; soonest first (upcoming agenda); latest start first (past agenda).</summary>
public enum CatalogOrder { PublishedDesc, StartAsc, StartDesc }

public sealed record CatalogPage(IReadOnlyList<CatalogEntry> Entries, long Total, int Page, int PageSize)
{
    public int PageCount => Navigation.Pager.PageCountOf(Total, PageSize);
}
