using System.Data.Common;
using Dapper;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Data;

/// <summary>
/// The unit of work of one request (or one background job) against the current tenant's store:
/// at most one transaction that every store in the scope joins — so a recipe, a user and an audit
/// entry commit or roll back together.
/// On a shared pool (PostgreSQL) a connection is held only for one query or one transaction: holding
/// it from the first query to the end of the request, through rendering, ran the pool dry under load
/// (issue 12 soak). With a file per tenant (SQLite) the session keeps one connection, opened on first use.
/// </summary>
public sealed class TenantSession(TenantContext tenant, IDatabaseProvider database, Handover.FailPoints failPoints, Background.DueWork due) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly HashSet<string> _afterCommitKeys = [];

    public SqlDialect Dialect => database.Dialect;

    /// <summary>
    /// The session's own connection, for work that needs the connection itself (bulk copy, schema reads).
    /// It stays with the session until its transaction ends or the session is disposed.
    /// </summary>
    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken = default) =>
        _connection ??= await OpenAsync(cancellationToken);

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        database.OpenAsync(tenant.Shell.Record.DatabaseLocation, cancellationToken);

    /// <summary>Runs one command on the session's connection, or on a pooled one returned as soon as the command has run.</summary>
    private async Task<T> OnConnectionAsync<T>(Func<DbConnection, Task<T>> command)
    {
        if (_connection is not null || !database.SharesConnectionPool) return await command(await ConnectionAsync());
        await using var connection = await OpenAsync();
        return await command(connection);
    }

    public DbTransaction? Transaction => _transaction;

    /// <summary>Starts a transaction, or joins the one already running (only the outermost commits).</summary>
    public async Task<SessionTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null) return new SessionTransaction(this, owner: false);
        var connection = await ConnectionAsync(cancellationToken);
        _transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new SessionTransaction(this, owner: true);
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        var changed = await OnConnectionAsync(connection => connection.ExecuteAsync(sql, parameters, _transaction));
        // A write outside a transaction is its own commit.
        if (_transaction is null && changed > 0) Committed();
        return changed;
    }

    // Issue 17: a commit may have given background work (a publish time, a queued e-mail) — the tenant's tasks run shortly.
    private void Committed() => due.Committed(tenant.Name, tenant.BackgroundTask);

    // Dapper buffers the rows, so a pooled connection can go back before the caller reads them.
    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        OnConnectionAsync(connection => connection.QueryAsync<T>(sql, parameters, _transaction));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        OnConnectionAsync(connection => connection.QuerySingleOrDefaultAsync<T>(sql, parameters, _transaction));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        OnConnectionAsync(connection => connection.ExecuteScalarAsync<T>(sql, parameters, _transaction));

    /// <summary>
    /// Work that must only happen once the change is durable — telling other nodes, evicting cached pages,
    /// copying to the host catalog. Runs after the outermost commit (at once when no transaction runs);
    /// dropped on rollback.
    /// </summary>
    public async Task AfterCommitAsync(Func<Task> action)
    {
        if (_transaction is null) await action();
        else _afterCommit.Add(action);
    }

    /// <summary>As <see cref="AfterCommitAsync(Func{Task})"/>, but once per transaction for a given key (one flush, one eviction).</summary>
    public Task AfterCommitAsync(string key, Func<Task> action) =>
        _transaction is not null && !_afterCommitKeys.Add(key) ? Task.CompletedTask : AfterCommitAsync(action);

    internal async Task EndTransactionAsync(bool commit)
    {
        if (_transaction is null) return;
        try
        {
            if (commit)
            {
                // Issue 12 §2: a crash just before the commit must leave nothing of the change, and one just after it everything.
                failPoints.Hit("commit:before");
                await _transaction.CommitAsync();
            }
            else await _transaction.RollbackAsync();
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            if (database.SharesConnectionPool) await ReleaseConnectionAsync();
        }
        if (commit)
        {
            failPoints.Hit("commit:after");
            Committed();
        }
        if (_afterCommit.Count == 0) return;
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        _afterCommitKeys.Clear();
        if (commit) foreach (var action in actions) await action();
    }

    public async ValueTask DisposeAsync()
    {
        await EndTransactionAsync(commit: false);
        await ReleaseConnectionAsync();
    }

    private async Task ReleaseConnectionAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}

/// <summary>A transaction scope: disposing without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class SessionTransaction(TenantSession session, bool owner) : IAsyncDisposable
{
    private bool _completed;

    public async Task CommitAsync()
    {
        _completed = true;
        if (owner) await session.EndTransactionAsync(commit: true);
    }

    public async ValueTask DisposeAsync()
    {
        // An inner scope that fails leaves the outer one to roll back when the exception reaches it.
        if (owner && !_completed) await session.EndTransactionAsync(commit: false);
    }
}
