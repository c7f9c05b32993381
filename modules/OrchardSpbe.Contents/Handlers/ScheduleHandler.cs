using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>
/// Records the publish and unpublish times an editor set (Publish-later part) for the background task,
/// keyed by version: only the version that was scheduled is published, and a newer save replaces it.
/// </summary>
public sealed class ScheduleHandler(TimeProvider clock) : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public Task DraftSavedAsync(ContentContext context) => ScheduleAsync(context);

    public Task PublishedAsync(ContentContext context) => ScheduleAsync(context);

    public Task RemovedAsync(ContentContext context) => ClearAsync(context);

    private async Task ScheduleAsync(ContentContext context)
    {
        await ClearAsync(context);
        if (!context.Item.Has(ContentParts.PublishLater)) return;
        var part = context.Item.As<PublishLaterPart>(ContentParts.PublishLater);
        var now = clock.GetUtcNow();
        if (!context.Item.Published && part.ScheduledPublishUtc is { } publishAt && publishAt > now)
            await AddAsync(context, "publish", publishAt);
        if (part.ScheduledUnpublishUtc is { } unpublishAt && unpublishAt > now)
            await AddAsync(context, "unpublish", unpublishAt);
    }

    private static Task AddAsync(ContentContext context, string action, DateTimeOffset due) =>
        context.Session.ExecuteAsync("INSERT INTO content_schedule (content_item_version_id, action, due_utc) VALUES (@version, @action, @due)",
            new { version = context.Item.ContentItemVersionId, action, due = UnixTime.Ms(due) });

    private static Task ClearAsync(ContentContext context) =>
        context.Session.ExecuteAsync(
            "DELETE FROM content_schedule WHERE content_item_version_id IN (SELECT content_item_version_id FROM content_items WHERE content_item_id = @id)",
            new { id = context.Item.ContentItemId });
}
