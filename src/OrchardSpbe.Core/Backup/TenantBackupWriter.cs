using System.Data;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Backup;

/// <summary>
/// Writes one tenant's backup into a folder: every table of its store from one consistent snapshot (SQLite's online
/// backup API while the site runs in WAL mode; one repeatable-read transaction on PostgreSQL), the portal catalog's
/// rows of the tenant, and its files (media, dataset resources, documents) — not its search index, which rebuilds
/// from the database. The manifest is written last: a folder without one is not a backup.
/// </summary>
public sealed class TenantBackupWriter(IDatabaseProvider database, AppDataFolder appData)
{
    public const string CatalogTable = "host_catalog_entries";

    public async Task<BackupManifest> WriteAsync(TenantRecord tenant, string folder, BackupCipher? cipher, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var tables = new List<BackupTable>();
        var files = new List<BackupFile>();
        Dictionary<string, int> features;

        await using (var snapshot = await OpenSnapshotAsync(tenant, folder, cancellationToken))
        {
            features = (await snapshot.Connection.QueryAsync<(string Id, long Version)>(
                "SELECT feature_id, version FROM spbe_migrations", transaction: snapshot.Transaction)).ToDictionary(f => f.Id, f => (int)f.Version);
            foreach (var table in await StoreSchema.TablesAsync(snapshot.Connection, database.Dialect, snapshot.Transaction))
            {
                var (columns, key, identity) = await StoreSchema.DescribeAsync(snapshot.Connection, database.Dialect, table, snapshot.Transaction);
                var last = identity is null ? 0 : await StoreSchema.IdentityLastValueAsync(snapshot.Connection, database.Dialect, table, identity, snapshot.Transaction);
                var (file, rows) = await DumpAsync(snapshot.Connection, snapshot.Transaction, $"SELECT * FROM \"{table}\"", null, folder, table, columns.Count, cipher, cancellationToken);
                files.Add(file);
                tables.Add(new BackupTable(table, file.Path, rows, columns, key, identity is null ? null : new BackupIdentity(identity, last)));
            }
        }

        // The tenant's entries in the portal catalog (host store), so the portal shows the restored news at once.
        await using (var host = await database.OpenAsync(database.HostLocation, cancellationToken))
        {
            var (columns, _, _) = await StoreSchema.DescribeAsync(host, database.Dialect, "catalog_entries");
            var (file, rows) = await DumpAsync(host, null, "SELECT * FROM catalog_entries WHERE tenant = @tenant", new { tenant = tenant.Name },
                folder, CatalogTable, columns.Count, cipher, cancellationToken);
            files.Add(file);
            tables.Add(new BackupTable(CatalogTable, file.Path, rows, columns, [], null));
        }

        foreach (var (source, relative) in TenantFiles(tenant))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var pending = BackupFiles.Create(folder, $"files/{files.Count:D6}", cipher, compress: false);
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
                await input.CopyToAsync(pending.Content, cancellationToken);
            files.Add(pending.Complete(relative));
        }

        var manifest = new BackupManifest
        {
            ProductName = BackupManifest.Product,
            FormatVersion = BackupManifest.CurrentFormat,
            Kind = BackupKind.Tenant,
            CreatedUtc = DateTimeOffset.UtcNow,
            SourceProvider = database.Name.ToString(),
            Encryption = cipher is null ? null : new BackupEncryption(BackupCipher.Algorithm, cipher.KeyId),
            Tenant = new BackupTenant(tenant.Name, tenant.DisplayName, tenant.Category, tenant.Hosts, tenant.UrlPrefix, tenant.State.ToString(),
                tenant.RecipeName, tenant.CreatedUtc),
            Features = features,
            Tables = tables,
            Files = files,
        };
        await File.WriteAllBytesAsync(Path.Combine(folder, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json), cancellationToken);
        return manifest;
    }

    /// <summary>The tenant's files, except its database files and its search index (rebuilt, never restored).</summary>
    private IEnumerable<(string Source, string Relative)> TenantFiles(TenantRecord tenant)
    {
        var root = appData.TenantFolder(tenant.Name);
        if (!Directory.Exists(root)) yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var top = relative.Split('/')[0];
            if (top == "search" || top.StartsWith(".restore", StringComparison.Ordinal)) continue;
            if (!relative.Contains('/') && IsDatabaseFile(relative)) continue;
            yield return (path, relative);
        }
    }

    internal static bool IsDatabaseFile(string name) =>
        name.EndsWith(".db", StringComparison.Ordinal) || name.EndsWith(".db-wal", StringComparison.Ordinal) || name.EndsWith(".db-shm", StringComparison.Ordinal)
        || name.EndsWith(".db-journal", StringComparison.Ordinal);

    private static async Task<(BackupFile File, long Rows)> DumpAsync(DbConnection connection, DbTransaction? transaction, string sql, object? parameters,
        string folder, string table, int columns, BackupCipher? cipher, CancellationToken cancellationToken)
    {
        using var pending = BackupFiles.Create(folder, $"database/{table}.rows", cipher, compress: true);
        long rows = 0;
        using (var writer = new BinaryWriter(pending.Content, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            var values = new object?[columns];
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < columns; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                RowCodec.WriteRow(writer, values);
                rows++;
            }
            RowCodec.WriteEnd(writer);
        }
        return (pending.Complete(), rows);
    }

    private async Task<Snapshot> OpenSnapshotAsync(TenantRecord tenant, string folder, CancellationToken cancellationToken)
    {
        if (database.Dialect == SqlDialect.Postgres)
        {
            var connection = await database.OpenAsync(tenant.DatabaseLocation, cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await connection.ExecuteAsync("SET TRANSACTION READ ONLY", transaction: transaction);
            return new Snapshot(connection, transaction, null);
        }
        // SQLite's online backup copies a consistent image while the site keeps writing (WAL); it is read, then deleted.
        var copy = Path.Combine(folder, ".snapshot.db");
        await using (var source = (SqliteConnection)await database.OpenAsync(tenant.DatabaseLocation, cancellationToken))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await snapshot.OpenAsync(cancellationToken);
        return new Snapshot(snapshot, null, copy);
    }

    private sealed record Snapshot(DbConnection Connection, DbTransaction? Transaction, string? CopyPath) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Transaction is not null) await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
            if (CopyPath is not null) File.Delete(CopyPath);
        }
    }
}
