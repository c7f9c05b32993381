using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Data;

/// <summary>One SQLite file per tenant under App_Data/Sites/&lt;tenant&gt;/, the host's list in App_Data/host.db.</summary>
public sealed class SqliteDatabaseProvider(AppDataFolder appData) : IDatabaseProvider
{
    private readonly ConcurrentDictionary<string, string> _connectionStrings = new();
    // When each tenant's file was last opened: its pooled connections (each with SQLite's page cache and parsed
    // schema, a few hundred KB) are closed once it sits idle, so 1,000 sites visited once do not hold 1,000 pools.
    private readonly ConcurrentDictionary<string, long> _lastOpened = new();

    public DatabaseProviderName Name => DatabaseProviderName.Sqlite;
    public bool SharesConnectionPool => false;
    public SqlDialect Dialect => SqlDialect.Sqlite;
    public string HostLocation => "host.db";
    public string LocationForTenant(string tenantName) => Path.Combine("Sites", tenantName, "site.db");
    public string LocationForRestore(string tenantName, string generation) => Path.Combine("Sites", tenantName, $"site-{generation}.db");

    public async Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        if (location != HostLocation) _lastOpened[location] = Environment.TickCount64;
        var connection = new SqliteConnection(ConnectionString(location, SqliteOpenMode.ReadWrite));
        await connection.OpenAsync(cancellationToken);
        // Writers queue in SQLite's own busy handler (it retries within a millisecond or two of the lock's
        // release) rather than in Microsoft.Data.Sqlite's, which sleeps 150 ms per retry: with several requests
        // writing one file at once (a PD's approvals, every PD's copy to the portal catalog) those sleeps were
        // most of the approval's p95. Same 30 s limit as the command timeout. Set through the C API: a PRAGMA is a
        // statement prepared and run on every open, and every request opens at least one connection.
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 30000);
        return connection;
    }

    public async Task CreateStoreAsync(string location, CancellationToken cancellationToken = default)
    {
        var path = appData.Combine(location);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection(ConnectionString(location, SqliteOpenMode.ReadWriteCreate));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at once; it is a property of the file, set once.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task DropStoreAsync(string location, CancellationToken cancellationToken = default)
    {
        var path = appData.Combine(location);
        using (var connection = new SqliteConnection(ConnectionString(location, SqliteOpenMode.ReadWrite)))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
        return Task.CompletedTask;
    }

    public int ReleaseIdleStores(TimeSpan idle, int keepOpen)
    {
        var now = Environment.TickCount64;
        var released = 0;
        var byRecency = _lastOpened.OrderByDescending(s => s.Value).ToList();
        for (var i = 0; i < byRecency.Count; i++)
        {
            var (location, lastOpened) = byRecency[i];
            if (i < keepOpen && now - lastOpened < idle.TotalMilliseconds) continue;
            // Opened again meanwhile: it stays.
            if (!_lastOpened.TryRemove(new KeyValuePair<string, long>(location, lastOpened))) continue;
            // Connections in use are closed when they return to the pool, not under their users.
            using var connection = new SqliteConnection(ConnectionString(location, SqliteOpenMode.ReadWrite));
            SqliteConnection.ClearPool(connection);
            released++;
        }
        return released;
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(HostLocation, cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private string ConnectionString(string location, SqliteOpenMode mode) =>
        _connectionStrings.GetOrAdd(location + "|" + mode, _ => new SqliteConnectionStringBuilder
        {
            DataSource = appData.Combine(location),
            Mode = mode,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());
}
