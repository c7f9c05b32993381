using OrchardSpbe.Data;

namespace OrchardSpbe.Search;

/// <summary>
/// The tenant's durable, ordered log of items whose search documents changed. Written in the transaction of
/// the change, so the log never holds what did not commit and never misses what did; each web node reads it
/// from its own cursor (kept in its index) and applies the items it has not seen.
/// </summary>
public sealed class SearchChangeLog(TenantSession session)
{
    public const string Table = "search_changes";

    /// <summary>Logs the item once per transaction; <paramref name="afterCommit"/> runs once the change is durable.</summary>
    public async Task AppendAsync(string itemId, Func<Task>? afterCommit = null)
    {
        await session.ExecuteAsync($"INSERT INTO {Table} (item_id, created_utc) VALUES (@itemId, @now)", new { itemId, now = UnixTime.Now });
        if (afterCommit is not null) await session.AfterCommitAsync("search-apply", afterCommit);
    }

    /// <summary>Entries after <paramref name="cursor"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SearchChange>> ReadAsync(long cursor, int limit) =>
        (await session.QueryAsync<SearchChange>(
            $"SELECT seq AS Seq, item_id AS ItemId FROM {Table} WHERE seq > @cursor ORDER BY seq LIMIT {limit}", new { cursor })).ToList();

    /// <summary>Entries written since a moment (to re-read after a rebuild, whose snapshot may have missed a late commit).</summary>
    public async Task<IReadOnlyList<SearchChange>> ReadSinceAsync(DateTimeOffset since) =>
        (await session.QueryAsync<SearchChange>(
            $"SELECT seq AS Seq, item_id AS ItemId FROM {Table} WHERE created_utc >= @since ORDER BY seq", new { since = UnixTime.Ms(since) })).ToList();

    /// <summary>Entries whose numbers a reader skipped: they may have committed since.</summary>
    public async Task<IReadOnlyList<SearchChange>> ReadAsync(IReadOnlyCollection<long> seqs) =>
        seqs.Count == 0 ? [] : (await session.QueryAsync<SearchChange>(
            $"SELECT seq AS Seq, item_id AS ItemId FROM {Table} WHERE {session.Dialect.InList("seq", "seqs")}", new { seqs = seqs.ToArray() })).ToList();

    /// <summary>The newest entry's number (0 when empty).</summary>
    public async Task<long> HeadAsync() => await session.ExecuteScalarAsync<long?>($"SELECT MAX(seq) FROM {Table}") ?? 0;
}

public sealed class SearchChange
{
    public long Seq { get; set; }
    public string ItemId { get; set; } = "";
}
