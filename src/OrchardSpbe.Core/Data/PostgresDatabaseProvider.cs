using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace OrchardSpbe.Data;

/// <summary>
/// One shared PostgreSQL database, one schema per tenant. All tenants share one connection pool
/// (120 tenants would exhaust max_connections with a pool each); a connection is pointed at the
/// tenant's schema with search_path when it is handed out, so every module's SQL stays unqualified.
/// </summary>
public sealed partial class PostgresDatabaseProvider : IDatabaseProvider, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseSettings _settings;
    private readonly ResiliencePipeline _opening;

    public PostgresDatabaseProvider(IOptions<SpbeOptions> options)
    {
        _settings = options.Value.Database;
        if (string.IsNullOrWhiteSpace(_settings.ConnectionString))
        {
            throw new InvalidOperationException(
                "Spbe:Database:ConnectionString wajib diisi bila Spbe:Database:Provider = Postgres " +
                "(Spbe:Database:ConnectionString is required when Spbe:Database:Provider is Postgres).");
        }
        _dataSource = NpgsqlDataSource.Create(_settings.ConnectionString);
        // Issue 12: after PostgreSQL restarts, the pool's idle connections are dead. Opening fails fast on one (the
        // search_path command below), the pool's idle connections are dropped, and a fresh one is tried — a few
        // times, briefly, so a request in a restart window either gets through or fails as unavailable (503).
        _opening = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<TimeoutException>(),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                OnRetry = _ =>
                {
                    _dataSource.Clear();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public DatabaseProviderName Name => DatabaseProviderName.Postgres;
    public bool SharesConnectionPool => true;
    public SqlDialect Dialect => SqlDialect.Postgres;
    public string HostLocation => CheckedSchema(_settings.HostSchema);
    public string LocationForTenant(string tenantName) => CheckedSchema(_settings.SchemaPrefix + tenantName.Replace('-', '_'));
    public string LocationForRestore(string tenantName, string generation) => CheckedSchema(LocationForTenant(tenantName) + "_r" + generation);

    public async Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken = default) =>
        await _opening.ExecuteAsync(async token => await OpenOnceAsync(location, token), cancellationToken);

    private async Task<DbConnection> OpenOnceAsync(string location, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SET search_path TO \"{CheckedSchema(location)}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CreateStoreAsync(string location, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{CheckedSchema(location)}\"", cancellationToken);

    public Task DropStoreAsync(string location, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DROP SCHEMA IF EXISTS \"{CheckedSchema(location)}\" CASCADE", cancellationToken);

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync("SELECT 1", cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Schema names end up in SQL text, so only a safe alphabet gets through.
    private static string CheckedSchema(string schema) =>
        SchemaName().IsMatch(schema) ? schema : throw new ArgumentException($"Invalid schema name '{schema}'.", nameof(schema));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
