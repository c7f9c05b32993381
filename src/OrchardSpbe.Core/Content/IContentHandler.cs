using OrchardSpbe.Data;

namespace OrchardSpbe.Content;

/// <summary>
/// Reacts to what happens to content items; modules subscribe by registering one (AddContentHandler).
/// Every method runs inside the transaction of the change, so what a handler writes commits or rolls back
/// with it; work for after the commit goes through <see cref="TenantSession.AfterCommitAsync"/>.
/// </summary>
public interface IContentHandler
{
    /// <summary>The feature that owns the handler; tenants without it skip it. Null: always runs.</summary>
    string? FeatureId => null;

    /// <summary>A new version row was written: keep typed index tables in step (the map of a map-index).</summary>
    Task IndexingAsync(ContentContext context) => Task.CompletedTask;

    Task CreatedAsync(ContentContext context) => Task.CompletedTask;
    Task UpdatedAsync(ContentContext context) => Task.CompletedTask;
    Task DraftSavedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>The author asked for the latest version to be reviewed (an approval process starts or resumes).</summary>
    Task SubmittedAsync(ContentContext context) => Task.CompletedTask;
    Task PublishedAsync(ContentContext context) => Task.CompletedTask;
    Task UnpublishedAsync(ContentContext context) => Task.CompletedTask;
    Task RemovedAsync(ContentContext context) => Task.CompletedTask;
}

/// <summary>What a handler gets: the item (the version concerned), its type, and the tenant's session.</summary>
public sealed class ContentContext(ContentItem item, ContentTypeDefinition type, TenantSession session, IServiceProvider services)
{
    public ContentItem Item { get; } = item;
    public ContentTypeDefinition Type { get; } = type;
    public TenantSession Session { get; } = session;
    public IServiceProvider Services { get; } = services;

    /// <summary>On publish: the version that was public before (null if none).</summary>
    public ContentItem? PreviousPublished { get; init; }

    /// <summary>Who did it (user name), for audit.</summary>
    public string? UserName { get; init; }
}
