using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;

namespace OrchardSpbe.Tenants;

/// <summary>
/// Brings one tenant's store up to the code's schema — the one path every caller takes (a shell activated, the
/// background <see cref="TenantUpgrades"/>, a retry from the tenant admin). Issue 17 §3–4:
/// <list type="bullet">
/// <item>The host store keeps a stamp per tenant: the code's migration signature and the store it was applied to.
/// A tenant whose stamp matches needs nothing, and finding that out opens no tenant database — so 1,000 tenants
/// can be checked at start with one host query, and a lazily activated shell pays nothing when nothing is pending.</item>
/// <item>A tenant's pending steps run in one transaction; within a process a gate per tenant keeps two callers from
/// running them at once. Across nodes on PostgreSQL the transaction first takes an advisory lock on the tenant's
/// schema, and the migration runner reads the applied versions after it, so a second node finds nothing pending.</item>
/// <item>A failure is recorded on the tenant's stamp row (with its error) and rethrown.</item>
/// </list>
/// </summary>
public sealed class TenantMigrations(
    IDatabaseProvider database,
    TenantScopeFactory scopes,
    IEnumerable<DataMigration> migrations,
    ILogger<TenantMigrations> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<string, Stamp> _stamps = new();
    private readonly DataMigration[] _migrations = migrations.ToArray();
    private (int Steps, string Stamp)? _codeStamp;
    private Task? _loaded;

    /// <summary>
    /// The code's migration signature: every feature's number of steps, hashed. A new step changes it. Worked out again
    /// only when the total number of steps changes (a test's migration may grow while the host runs).
    /// </summary>
    public string CodeStamp
    {
        get
        {
            var steps = 0;
            foreach (var migration in _migrations) steps += migration.Steps.Count;
            if (_codeStamp is { } known && known.Steps == steps) return known.Stamp;
            var stamp = Signature(_migrations);
            _codeStamp = (steps, stamp);
            return stamp;
        }
    }

    /// <summary>Creates the stamp table if needed and reads every tenant's stamp, once per process.</summary>
    public Task EnsureLoadedAsync()
    {
        lock (_gates) return _loaded ??= LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            await using var connection = await database.OpenAsync(database.HostLocation);
            await connection.ExecuteAsync($"""
                CREATE TABLE IF NOT EXISTS tenant_schema (
                    tenant_name TEXT PRIMARY KEY, stamp TEXT NULL, database_location TEXT NULL,
                    migrated_utc {database.Dialect.BigInt} NULL, error TEXT NULL, failed_utc {database.Dialect.BigInt} NULL);
                """);
            foreach (var row in await connection.QueryAsync<StampRow>(
                         "SELECT tenant_name AS TenantName, stamp AS Stamp, database_location AS DatabaseLocation FROM tenant_schema WHERE stamp IS NOT NULL"))
                _stamps[row.TenantName] = new Stamp(row.Stamp!, row.DatabaseLocation ?? "");
        }
        catch
        {
            lock (_gates) _loaded = null;
            throw;
        }
    }

    /// <summary>Whether the tenant's store is known to be at the code's schema (no database opened).</summary>
    public bool IsCurrent(TenantRecord tenant) =>
        _stamps.TryGetValue(tenant.Name, out var stamp) && stamp.Code == CodeStamp && stamp.Location == tenant.DatabaseLocation;

    /// <summary>
    /// Runs the tenant's pending migrations (framework, then its enabled features) in one transaction and stamps it;
    /// returns the number of steps that ran — 0 at once, without opening the tenant's store, when its stamp is current.
    /// Throws when a step fails, after recording the error for the tenant admin.
    /// </summary>
    public async Task<int> MigrateAsync(TenantRecord tenant, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        if (IsCurrent(tenant)) return 0;
        var gate = _gates.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsCurrent(tenant)) return 0;
            int ran;
            try
            {
                ran = await RunPendingAsync(tenant, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Migrating tenant {MigratedTenant} failed", tenant.Name);
                await RecordFailureAsync(tenant.Name, exception);
                throw;
            }
            await MarkCurrentAsync(tenant);
            return ran;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Records that the tenant's store is at the code's schema — for a store whose migrations just ran by another road
    /// (a new tenant's recipe runs every step of its features).
    /// </summary>
    public async Task MarkCurrentAsync(TenantRecord tenant)
    {
        await EnsureLoadedAsync();
        await using var connection = await database.OpenAsync(database.HostLocation);
        var parameters = new { name = tenant.Name, stamp = CodeStamp, location = tenant.DatabaseLocation, now = UnixTime.Now };
        // An upsert both dialects read alike (SQLite ≥ 3.24, PostgreSQL ≥ 9.5).
        await connection.ExecuteAsync("""
            INSERT INTO tenant_schema (tenant_name, stamp, database_location, migrated_utc, error, failed_utc)
            VALUES (@name, @stamp, @location, @now, NULL, NULL)
            ON CONFLICT (tenant_name) DO UPDATE SET stamp = @stamp, database_location = @location, migrated_utc = @now, error = NULL, failed_utc = NULL
            """, parameters);
        _stamps[tenant.Name] = new Stamp(CodeStamp, tenant.DatabaseLocation);
    }

    /// <summary>Tenants whose last migration failed, with the error, newest first.</summary>
    public async Task<IReadOnlyList<TenantMigrationFailure>> FailuresAsync(int limit = 200)
    {
        await EnsureLoadedAsync();
        await using var connection = await database.OpenAsync(database.HostLocation);
        var rows = await connection.QueryAsync<FailureRow>($"""
            SELECT tenant_name AS TenantName, error AS Error, failed_utc AS FailedUtc FROM tenant_schema
            WHERE error IS NOT NULL ORDER BY failed_utc DESC, tenant_name LIMIT {Math.Clamp(limit, 1, 1000)}
            """);
        return rows.Select(r => new TenantMigrationFailure(r.TenantName, r.Error ?? "", DateTimeOffset.FromUnixTimeMilliseconds(r.FailedUtc ?? 0))).ToList();
    }

    /// <summary>Forgets a deleted tenant's stamp, so a new tenant of the same name starts from its own.</summary>
    public async Task ForgetAsync(string tenantName)
    {
        await EnsureLoadedAsync();
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync("DELETE FROM tenant_schema WHERE tenant_name = @tenantName", new { tenantName });
        _stamps.TryRemove(tenantName, out _);
    }

    private async Task<int> RunPendingAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(TenantShell.ForSetup(tenant));
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        // Another node may be migrating the same schema: wait for it, then read what it left (issue 17 §4).
        if (database.Dialect == SqlDialect.Postgres)
            await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = "spbe-migrate:" + tenant.DatabaseLocation });
        var runner = scope.ServiceProvider.GetRequiredService<MigrationRunner>();
        var ran = await runner.RunAsync([]);
        ran += await runner.RunAsync(await session.QueryAsync<string>("SELECT feature_id FROM spbe_features"));
        await transaction.CommitAsync();
        if (ran > 0) logger.LogInformation("Tenant {MigratedTenant}: {Steps} migration steps applied", tenant.Name, ran);
        return ran;
    }

    private async Task RecordFailureAsync(string tenantName, Exception exception)
    {
        try
        {
            await using var connection = await database.OpenAsync(database.HostLocation);
            var error = exception.GetType().Name + ": " + exception.Message;
            var parameters = new { name = tenantName, error = error.Length > 2000 ? error[..2000] : error, now = UnixTime.Now };
            await connection.ExecuteAsync("""
                INSERT INTO tenant_schema (tenant_name, stamp, database_location, migrated_utc, error, failed_utc)
                VALUES (@name, NULL, NULL, NULL, @error, @now)
                ON CONFLICT (tenant_name) DO UPDATE SET error = @error, failed_utc = @now
                """, parameters);
        }
        catch (Exception recording)
        {
            logger.LogWarning(recording, "The failed migration of {MigratedTenant} could not be recorded", tenantName);
        }
    }

    private static string Signature(IEnumerable<DataMigration> migrations)
    {
        var text = string.Join(";", migrations.OrderBy(m => m.FeatureId, StringComparer.Ordinal).Select(m => $"{m.FeatureId}:{m.Steps.Count}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private sealed record Stamp(string Code, string Location);

    private sealed class StampRow
    {
        public string TenantName { get; set; } = "";
        public string? Stamp { get; set; }
        public string? DatabaseLocation { get; set; }
    }

    private sealed class FailureRow
    {
        public string TenantName { get; set; } = "";
        public string? Error { get; set; }
        public long? FailedUtc { get; set; }
    }
}

public sealed record TenantMigrationFailure(string TenantName, string Error, DateTimeOffset FailedUtc);
