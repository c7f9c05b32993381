using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Backup;

/// <summary>
/// The host's record of backups and restores: when, what, by whom or by the schedule, where, how big, and how it
/// ended — what the portal's backup page lists. A scheduled run claims its day's key first, so with several
/// nodes exactly one runs it.
/// </summary>
public sealed class BackupRuns(IDatabaseProvider database)
{
    public async Task EnsureCreatedAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var d = database.Dialect;
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS backup_runs (
                id {d.Identity}, operation TEXT NOT NULL, scope TEXT NOT NULL, trigger TEXT NOT NULL, user_name TEXT NULL,
                schedule_key TEXT NULL UNIQUE, started_utc {d.BigInt} NOT NULL, finished_utc {d.BigInt} NULL,
                status TEXT NOT NULL, path TEXT NULL, size_bytes {d.BigInt} NULL, message TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_backup_runs_started ON backup_runs (started_utc);
            """);
    }

    /// <summary>Starts a run; null when <paramref name="scheduleKey"/> was already claimed (by this node or another).</summary>
    public async Task<long?> StartAsync(string operation, string scope, string trigger, string? userName, string? scheduleKey = null)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        try
        {
            return await connection.ExecuteScalarAsync<long>("""
                INSERT INTO backup_runs (operation, scope, trigger, user_name, schedule_key, started_utc, status)
                VALUES (@operation, @scope, @trigger, @userName, @scheduleKey, @now, 'running') RETURNING id
                """, new { operation, scope, trigger, userName, scheduleKey, now = UnixTime.Now });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return null;
        }
    }

    public async Task FinishAsync(long id, bool succeeded, string? path, long? sizeBytes, string? message)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync("""
            UPDATE backup_runs SET finished_utc = @now, status = @status, path = @path, size_bytes = @sizeBytes, message = @message WHERE id = @id
            """, new { id, now = UnixTime.Now, status = succeeded ? "ok" : "failed", path, sizeBytes, message });
    }

    public async Task<IReadOnlyList<BackupRun>> RecentAsync(int count = 50)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var rows = await connection.QueryAsync<BackupRunRow>($"""
            SELECT id AS Id, operation AS Operation, scope AS Scope, trigger AS Trigger, user_name AS UserName, started_utc AS StartedUtc,
                   finished_utc AS FinishedUtc, status AS Status, path AS Path, size_bytes AS SizeBytes, message AS Message
            FROM backup_runs ORDER BY id DESC LIMIT {count}
            """);
        return rows.Select(r => new BackupRun(r.Id, r.Operation, r.Scope, r.Trigger, r.UserName, DateTimeOffset.FromUnixTimeMilliseconds(r.StartedUtc),
            r.FinishedUtc is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, r.Status, r.Path, r.SizeBytes, r.Message)).ToList();
    }

    private sealed class BackupRunRow
    {
        public long Id { get; set; }
        public string Operation { get; set; } = "";
        public string Scope { get; set; } = "";
        public string Trigger { get; set; } = "";
        public string? UserName { get; set; }
        public long StartedUtc { get; set; }
        public long? FinishedUtc { get; set; }
        public string Status { get; set; } = "";
        public string? Path { get; set; }
        public long? SizeBytes { get; set; }
        public string? Message { get; set; }
    }
}

/// <param name="Operation">backup or restore.</param>
/// <param name="Scope">A tenant's name, or "*" for the whole platform.</param>
/// <param name="Trigger">admin, schedule or cli.</param>
public sealed record BackupRun(long Id, string Operation, string Scope, string Trigger, string? UserName, DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc, string Status, string? Path, long? SizeBytes, string? Message);
