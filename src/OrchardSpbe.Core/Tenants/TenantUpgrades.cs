using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;

namespace OrchardSpbe.Tenants;

/// <summary>
/// The feature upgrade of every tenant (issue 17 §4): when a deployment brings a new migration step, every Running
/// tenant — not only those with a shell — gets it in the background, a transaction per tenant through
/// <see cref="TenantMigrations"/>, past any tenant that fails. Progress (done, failed, total, started, finished) is a row
/// of <c>tenant_upgrade_runs</c> in the host store, the failures are on the tenants' stamp rows, and the tenant admin
/// shows both and can retry.
/// At host start the check is one host query (the stamps), never 1,000 opened stores. With several nodes on PostgreSQL the
/// automatic walk of a code stamp is claimed by an advisory lock, so one node walks the tenants; the others' lazy activations
/// and retries are still safe, as every tenant's migration is serialised (gate in-process, advisory lock on PostgreSQL).
/// </summary>
public sealed class TenantUpgrades(
    IDatabaseProvider database,
    TenantRegistry registry,
    TenantMigrations migrations,
    IHostApplicationLifetime lifetime,
    ILogger<TenantUpgrades> logger) : BackgroundService
{
    private const int Parallelism = 4;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    /// <summary>The walk this process is running or last ran — for tests and the bench.</summary>
    public Task Current { get; private set; } = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (await UpgradeBehindAsync("start", stoppingToken) is { } run) await run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The tenant upgrade at start failed");
        }
    }

    /// <summary>
    /// Starts the walk over every Running tenant behind the code's schema — what a node does at start; returns the walk,
    /// or null when no tenant is behind or this node already runs one.
    /// </summary>
    public async Task<Task?> UpgradeBehindAsync(string trigger, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        var behind = Behind();
        if (behind.Count == 0) return null;
        logger.LogInformation("{Behind} tenants are behind the code's schema {CodeStamp}; upgrading them in the background", behind.Count, migrations.CodeStamp);
        return TryStartRun(behind, trigger, null, "auto:" + migrations.CodeStamp, cancellationToken);
    }

    /// <summary>Running tenants whose stamp is not the code's (the cheap check: no tenant store opened).</summary>
    public IReadOnlyList<TenantRecord> Behind() =>
        registry.All.Where(t => t.State == TenantState.Running && !migrations.IsCurrent(t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Retries the tenants whose last migration failed (or only <paramref name="tenantName"/>) in the background.
    /// Refused when there is nothing to retry or a run is already going on this node.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(string? tenantName, string? userName)
    {
        await EnsureCreatedAsync();
        var failed = (await migrations.FailuresAsync(1000)).Select(f => f.TenantName).ToHashSet(StringComparer.Ordinal);
        var tenants = registry.All
            .Where(t => t.State == TenantState.Running && failed.Contains(t.Name) && (tenantName is null || t.Name == tenantName))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (tenants.Count == 0) return RetryOutcome.NothingToRetry;
        return TryStartRun(tenants, "retry", userName, null, lifetime.ApplicationStopping) is null ? RetryOutcome.AlreadyRunning : RetryOutcome.Started;
    }

    /// <summary>The newest run recorded by any node, or null when none ran yet.</summary>
    public async Task<TenantUpgradeRun?> LatestAsync()
    {
        await EnsureCreatedAsync();
        await using var connection = await database.OpenAsync(database.HostLocation);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>($"{SelectRun} ORDER BY id DESC LIMIT 1");
        return row?.ToRun();
    }

    /// <summary>Starts a walk in the background, or returns null while this node already runs one.</summary>
    private Task? TryStartRun(IReadOnlyList<TenantRecord> tenants, string trigger, string? userName, string? key, CancellationToken cancellationToken)
    {
        if (!_oneRun.Wait(0, CancellationToken.None)) return null;
        return Current = Task.Run(() => WalkAsync(tenants, trigger, userName, key, cancellationToken), CancellationToken.None);
    }

    /// <summary>One walk; the caller holds <see cref="_oneRun"/>, released here.</summary>
    private async Task WalkAsync(IReadOnlyList<TenantRecord> tenants, string trigger, string? userName, string? key, CancellationToken cancellationToken)
    {
        System.Data.Common.DbConnection? claim = null;
        try
        {
            if (key is not null) claim = await ClaimWalkAsync(key);
            var id = await StartRecordAsync(tenants.Count, trigger, userName);
            int done = 0, failed = 0;
            var lastWritten = DateTimeOffset.UtcNow;
            await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (tenant, token) =>
                {
                    // The registry is the truth at the moment the tenant's turn comes: deleted or disabled meanwhile, it is skipped.
                    var now = registry.Find(tenant.Name);
                    try
                    {
                        if (now is { State: TenantState.Running }) await migrations.MigrateAsync(now, token);
                        Interlocked.Increment(ref done);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // Recorded with its error by TenantMigrations; the walk goes on (issue 17 §4).
                        Interlocked.Increment(ref failed);
                    }
                    if (DateTimeOffset.UtcNow - lastWritten > ProgressInterval)
                    {
                        lastWritten = DateTimeOffset.UtcNow;
                        await ProgressAsync(id, Volatile.Read(ref done), Volatile.Read(ref failed), finished: false);
                    }
                });
            await ProgressAsync(id, done, failed, finished: true);
            logger.LogInformation("Tenant upgrade {UpgradeRun} finished: {Done} done, {Failed} failed of {Total}", id, done, failed, tenants.Count);
        }
        catch (WalkClaimedElsewhere)
        {
            logger.LogInformation("Another node runs the upgrade to {CodeStamp}", migrations.CodeStamp);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; the tenants not reached are still behind and the next start picks them up.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The tenant upgrade stopped");
        }
        finally
        {
            if (claim is not null)
            {
                try { await claim.ExecuteAsync("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", new { key }); }
                catch (Exception exception) { logger.LogWarning(exception, "The upgrade claim was not released; it goes with its connection"); }
                await claim.DisposeAsync();
            }
            _oneRun.Release();
        }
    }

    private async Task<long> StartRecordAsync(int total, string trigger, string? userName)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO tenant_upgrade_runs (code_stamp, trigger, user_name, started_utc, total, done, failed)
            VALUES (@stamp, @trigger, @userName, @now, @total, 0, 0) RETURNING id
            """, new { stamp = migrations.CodeStamp, trigger, userName, now = UnixTime.Now, total });
    }

    /// <summary>
    /// With several nodes on PostgreSQL, the automatic walk of one code stamp is one node's: it holds a session advisory
    /// lock for the walk, which a crash releases. Null when another node holds it; SQLite (one node) needs none.
    /// </summary>
    private async Task<System.Data.Common.DbConnection?> ClaimWalkAsync(string key)
    {
        if (database.Dialect != SqlDialect.Postgres) return null;
        var connection = await database.OpenAsync(database.HostLocation);
        if (await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", new { key })) return connection;
        await connection.DisposeAsync();
        throw new WalkClaimedElsewhere();
    }

    private sealed class WalkClaimedElsewhere : Exception;

    private async Task ProgressAsync(long id, int done, int failed, bool finished)
    {
        try
        {
            await using var connection = await database.OpenAsync(database.HostLocation);
            await connection.ExecuteAsync(finished
                ? "UPDATE tenant_upgrade_runs SET done = @done, failed = @failed, finished_utc = @now WHERE id = @id"
                : "UPDATE tenant_upgrade_runs SET done = @done, failed = @failed WHERE id = @id",
                new { id, done, failed, now = UnixTime.Now });
        }
        catch (Exception exception) when (!finished)
        {
            // Progress is informative; the walk does not stop because the host store was briefly busy.
            logger.LogWarning(exception, "Progress of tenant upgrade {UpgradeRun} not written", id);
        }
    }

    private volatile bool _created;

    private async Task EnsureCreatedAsync()
    {
        await migrations.EnsureLoadedAsync();
        if (_created) return;
        await using var connection = await database.OpenAsync(database.HostLocation);
        var d = database.Dialect;
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS tenant_upgrade_runs (
                id {d.Identity}, code_stamp TEXT NOT NULL, trigger TEXT NOT NULL, user_name TEXT NULL,
                started_utc {d.BigInt} NOT NULL, finished_utc {d.BigInt} NULL, total INTEGER NOT NULL, done INTEGER NOT NULL, failed INTEGER NOT NULL);
            """);
        _created = true;
    }

    private const string SelectRun = """
        SELECT id AS Id, code_stamp AS CodeStamp, trigger AS Trigger, user_name AS UserName, started_utc AS StartedUtc,
               finished_utc AS FinishedUtc, total AS Total, done AS Done, failed AS Failed
        FROM tenant_upgrade_runs
        """;

    private sealed class RunRow
    {
        public long Id { get; set; }
        public string CodeStamp { get; set; } = "";
        public string Trigger { get; set; } = "";
        public string? UserName { get; set; }
        public long StartedUtc { get; set; }
        public long? FinishedUtc { get; set; }
        public long Total { get; set; }
        public long Done { get; set; }
        public long Failed { get; set; }

        public TenantUpgradeRun ToRun() => new(Id, CodeStamp, Trigger, UserName, UnixTime.FromMs(StartedUtc),
            FinishedUtc is { } f ? UnixTime.FromMs(f) : null, (int)Total, (int)Done, (int)Failed);
    }
}

public enum RetryOutcome { Started, NothingToRetry, AlreadyRunning }

/// <summary>One walk over the tenants: by the start of a node ("start") or an administrator ("retry").</summary>
public sealed record TenantUpgradeRun(long Id, string CodeStamp, string Trigger, string? UserName, DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc, int Total, int Done, int Failed)
{
    public bool Finished => FinishedUtc is not null;
    public int Percent => Total == 0 ? 100 : (int)Math.Round(100.0 * (Done + Failed) / Total);
}
