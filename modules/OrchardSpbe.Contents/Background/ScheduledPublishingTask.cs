using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Contents.Background;

/// <summary>
/// Publishes and takes down items at the times editors set, for every tenant, with no visitor needed.
/// Each due entry is deleted in the same transaction as its action, so it fires once — also with two
/// nodes or after a restart (an entry missed while the host was down fires on the first run after).
/// </summary>
public sealed class ScheduledPublishingTask(TimeProvider clock) : IBackgroundTask
{
    public const string SystemUser = "jadwal";

    public string? FeatureId => Manifest.FeatureId;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var session = tenantServices.GetRequiredService<TenantSession>();
        var contents = tenantServices.GetRequiredService<ContentManager>();
        var due = (await session.QueryAsync<DueEntry>("""
            SELECT s.content_item_version_id AS VersionId, s.action AS Action, c.content_item_id AS ContentItemId, c.latest AS Latest
            FROM content_schedule s JOIN content_items c ON c.content_item_version_id = s.content_item_version_id
            WHERE s.due_utc <= @now ORDER BY s.due_utc LIMIT 100
            """, new { now = UnixTime.Ms(clock.GetUtcNow()) })).ToList();
        foreach (var entry in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var claimed = await session.ExecuteAsync("DELETE FROM content_schedule WHERE content_item_version_id = @VersionId AND action = @Action", entry);
            if (claimed == 0) continue;
            // Only the version that was scheduled goes public; a newer draft saved since then is not published unseen.
            if (entry.Action == "publish" && entry.Latest) await contents.PublishAsync(entry.ContentItemId, SystemUser);
            if (entry.Action == "unpublish") await contents.UnpublishAsync(entry.ContentItemId, SystemUser);
            await transaction.CommitAsync();
        }
        // The next publish or take-down time: the schedule wakes this tenant then, and not before.
        var next = await session.ExecuteScalarAsync<long?>("SELECT MIN(due_utc) FROM content_schedule");
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private sealed class DueEntry
    {
        public string VersionId { get; set; } = "";
        public string Action { get; set; } = "";
        public string ContentItemId { get; set; } = "";
        public bool Latest { get; set; }
    }
}
