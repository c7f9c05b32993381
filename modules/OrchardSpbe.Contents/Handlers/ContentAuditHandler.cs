using OrchardSpbe.Audit;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>The audit trail of every item: who created, saved, published, unpublished or removed which version, and when.</summary>
public sealed class ContentAuditHandler(AuditLog audit) : IContentHandler
{
    public const string TargetPrefix = "content:";

    public string? FeatureId => Manifest.FeatureId;

    public Task CreatedAsync(ContentContext context) => RecordAsync(context, "content.created");
    public Task DraftSavedAsync(ContentContext context) => RecordAsync(context, "content.draft-saved");
    public Task SubmittedAsync(ContentContext context) => RecordAsync(context, "content.submitted");
    public Task PublishedAsync(ContentContext context) => RecordAsync(context, "content.published");
    public Task UnpublishedAsync(ContentContext context) => RecordAsync(context, "content.unpublished");
    public Task RemovedAsync(ContentContext context) => RecordAsync(context, "content.removed");

    private Task RecordAsync(ContentContext context, string action) =>
        audit.RecordAsync(action, TargetPrefix + context.Item.ContentItemId,
            $"{context.Type.DisplayName} \"{context.Item.DisplayText}\" v{context.Item.Number}", context.UserName);
}
