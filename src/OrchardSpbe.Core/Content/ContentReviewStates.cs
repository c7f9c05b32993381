using OrchardSpbe.Data;

namespace OrchardSpbe.Content;

/// <summary>
/// The review state of content items ("menunggu-persetujuan", …) kept by the approval process, so the admin
/// content list filters by it without knowing how reviews work.
/// </summary>
public sealed class ContentReviewStates(TenantSession session)
{
    public async Task SetAsync(string contentItemId, string state, string label, DateTimeOffset now)
    {
        await session.ExecuteAsync("DELETE FROM content_review_state WHERE content_item_id = @contentItemId", new { contentItemId });
        await session.ExecuteAsync(
            "INSERT INTO content_review_state (content_item_id, state, label, updated_utc) VALUES (@contentItemId, @state, @label, @now)",
            new { contentItemId, state, label, now = UnixTime.Ms(now) });
    }

    public Task ClearAsync(string contentItemId) =>
        session.ExecuteAsync("DELETE FROM content_review_state WHERE content_item_id = @contentItemId", new { contentItemId });

    /// <summary>The states in use, with their labels, for the list's filter.</summary>
    public async Task<IReadOnlyList<(string State, string Label)>> InUseAsync() =>
        (await session.QueryAsync<(string, string)>("SELECT state, MIN(label) FROM content_review_state GROUP BY state ORDER BY state")).ToList();

    public async Task<IReadOnlyDictionary<string, string>> LabelsOfAsync(IReadOnlyCollection<string> contentItemIds)
    {
        if (contentItemIds.Count == 0) return new Dictionary<string, string>();
        var rows = await session.QueryAsync<(string, string)>(
            $"SELECT content_item_id, label FROM content_review_state WHERE {session.Dialect.InList("content_item_id", "ids")}",
            new { ids = contentItemIds.ToArray() });
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }
}
