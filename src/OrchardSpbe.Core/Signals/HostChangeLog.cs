using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Signals;

/// <summary>
/// Every host change, also written in the shared host store, in order: the road other nodes read when Redis is
/// down (or a message was lost), so a change still reaches them within seconds. Kept for a day.
/// </summary>
public sealed class HostChangeLog(IDatabaseProvider database)
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public async Task EnsureCreatedAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS host_changes (
                seq {database.Dialect.Identity}, node TEXT NOT NULL, kind TEXT NOT NULL, tenant TEXT NOT NULL, created_utc {database.Dialect.BigInt} NOT NULL)
            """);
    }

    public async Task<long> AppendAsync(string node, HostChange change)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO host_changes (node, kind, tenant, created_utc) VALUES (@node, @kind, @tenant, @now) RETURNING seq",
            new { node, kind = change.Kind.ToString(), tenant = change.Tenant, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
    }

    public async Task<long> HeadAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        return await connection.ExecuteScalarAsync<long?>("SELECT MAX(seq) FROM host_changes") ?? 0;
    }

    public async Task<IReadOnlyList<LoggedChange>> ReadAfterAsync(long seq)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var rows = await connection.QueryAsync<(long Seq, string Node, string Kind, string Tenant)>(
            "SELECT seq, node, kind, tenant FROM host_changes WHERE seq > @seq ORDER BY seq LIMIT 1000", new { seq });
        return rows.Select(r => new LoggedChange(r.Seq, r.Node, new HostChange(Enum.Parse<HostChangeKind>(r.Kind), r.Tenant))).ToList();
    }

    public async Task PruneAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await connection.ExecuteAsync("DELETE FROM host_changes WHERE created_utc < @before",
            new { before = DateTimeOffset.UtcNow.Subtract(Kept).ToUnixTimeMilliseconds() });
    }
}

public sealed record LoggedChange(long Seq, string Node, HostChange Change);
