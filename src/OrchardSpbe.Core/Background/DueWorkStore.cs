using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Background;

/// <summary>
/// When each tenant's background task next has work, in the shared host store: what lets a node that restarts, or a
/// second node, fire a publish time or a workflow timer in a tenant nobody visits without polling every tenant.
/// A row is a hint: the task itself re-reads its own tables and claims its work, so an early or doubled wake is harmless.
/// </summary>
public sealed class DueWorkStore(IDatabaseProvider database)
{
    public async Task EnsureCreatedAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS host_due_work (
                tenant_name TEXT NOT NULL, task TEXT NOT NULL, due_utc {database.Dialect.BigInt} NOT NULL,
                changed_utc {database.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant_name, task));
            CREATE INDEX IF NOT EXISTS ix_host_due_work_changed ON host_due_work (changed_utc);
            """);
    }

    public async Task<IReadOnlyList<DueEntry>> ChangedSinceAsync(long changedUtcMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(database.HostLocation, cancellationToken);
        return (await connection.QueryAsync<DueEntry>(new CommandDefinition(
            "SELECT tenant_name AS Tenant, task AS Task, due_utc AS DueUtcMs FROM host_due_work WHERE changed_utc >= @changedUtcMs",
            new { changedUtcMs }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Sets the task's next due time for the tenant, or removes it (nothing known to be due) if it was due by <paramref name="ranFrom"/>.</summary>
    public async Task SetAsync(string tenant, string task, DateTimeOffset? due, DateTimeOffset ranFrom, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(database.HostLocation, cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (due is { } next)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO host_due_work (tenant_name, task, due_utc, changed_utc) VALUES (@tenant, @task, @due, @now)
                ON CONFLICT (tenant_name, task) DO UPDATE SET due_utc = excluded.due_utc, changed_utc = excluded.changed_utc
                """, new { tenant, task, due = next.ToUnixTimeMilliseconds(), now }, cancellationToken: cancellationToken));
        // A time another node set while this run went on (later than its start) stays.
        else await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM host_due_work WHERE tenant_name = @tenant AND task = @task AND due_utc <= @ranFrom",
            new { tenant, task, ranFrom = ranFrom.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>A tenant deleted: its hints go with it.</summary>
    public async Task RemoveTenantAsync(string tenant)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync("DELETE FROM host_due_work WHERE tenant_name = @tenant", new { tenant });
    }
}

public sealed class DueEntry
{
    public string Tenant { get; set; } = "";
    public string Task { get; set; } = "";
    public long DueUtcMs { get; set; }
}
