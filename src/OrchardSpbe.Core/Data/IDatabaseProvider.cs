using System.Data.Common;

namespace OrchardSpbe.Data;

/// <summary>
/// Opens connections to a store: the host's own store or one tenant's. A store is a SQLite file
/// (App_Data/Sites/&lt;tenant&gt;/site.db) or a PostgreSQL schema in one shared database.
/// </summary>
public interface IDatabaseProvider
{
    DatabaseProviderName Name { get; }
    SqlDialect Dialect { get; }

    /// <summary>The location a new tenant's store gets: a relative file path or a schema name.</summary>
    string LocationForTenant(string tenantName);
    /// <summary>
    /// Closes what the process holds open for tenants' stores not used lately (issue 17: memory in proportion to use):
    /// every store idle longer than <paramref name="idle"/>, and all but the <paramref name="keepOpen"/> most recently
    /// used. A shared pool (PostgreSQL) has nothing per tenant to release. Returns how many were released.
    /// </summary>
    int ReleaseIdleStores(TimeSpan idle, int keepOpen) => 0;

    string HostLocation { get; }

    /// <summary>A fresh location for a tenant's restored store, beside its live one until the restore switches over.</summary>
    string LocationForRestore(string tenantName, string generation);

    Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether every tenant draws from one bounded connection pool (PostgreSQL). A session then holds a connection
    /// only for a query or a transaction, never while a page renders; with a file per tenant (SQLite) it keeps one.
    /// </summary>
    bool SharesConnectionPool { get; }
    Task CreateStoreAsync(string location, CancellationToken cancellationToken = default);
    Task DropStoreAsync(string location, CancellationToken cancellationToken = default);

    /// <summary>Readiness: can the database be reached at all.</summary>
    Task<bool> CanConnectAsync(CancellationToken cancellationToken = default);
}
