using System.Text.Json.Nodes;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Content;

/// <summary>
/// The life of content items: create, save a draft, publish, unpublish, remove, clone, restore. Every
/// save writes a new version (the history), each change runs in one transaction with the handlers'
/// index and audit writes, and a save is refused — changing nothing — when the editor's version is no
/// longer the latest.
/// </summary>
public sealed class ContentManager(
    ContentStore store,
    ContentDefinitionStore definitions,
    TenantSession session,
    TenantContext tenant,
    IEnumerable<IContentHandler> handlers,
    IServiceProvider services,
    Modules.FeatureManager features,
    TimeProvider clock)
{
    private IReadOnlySet<string>? _storedFeatures;

    public ContentStore Store => store;

    /// <summary>A new, unsaved item of the type (null when the tenant has no such type).</summary>
    public async Task<ContentItem?> NewAsync(string contentType)
    {
        var type = await definitions.FindAsync(contentType);
        if (type is null) return null;
        var now = clock.GetUtcNow();
        return new ContentItem
        {
            ContentItemId = ContentItem.NewId(), ContentItemVersionId = ContentItem.NewId(), ContentType = type.Name,
            Number = 0, CreatedUtc = now, ModifiedUtc = now,
        };
    }

    public Task<ContentItem?> GetAsync(string contentItemId, bool published = false) => store.GetAsync(contentItemId, published);

    /// <summary>Saves a new item as its first version, published or as a draft.</summary>
    public async Task<ContentOutcome> CreateAsync(ContentItem item, bool publish, string? userName)
    {
        var type = await RequireTypeAsync(item.ContentType);
        await using var transaction = await session.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        item.Number = 1;
        item.Latest = true;
        item.Published = publish;
        item.Owner ??= userName;
        item.Author = userName;
        item.CreatedUtc = item.ModifiedUtc = now;
        item.PublishedUtc = publish ? item.PublishedUtc ?? now : null;
        Prepare(item);
        await store.InsertAsync(item);
        var context = Context(item, type, userName);
        await EachAsync(h => h.IndexingAsync(context));
        await EachAsync(h => h.CreatedAsync(context));
        await EachAsync(h => publish ? h.PublishedAsync(context) : h.DraftSavedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(item);
    }

    /// <summary>
    /// Saves the edited item as a new version. <paramref name="expectedVersionId"/> is the version the editor
    /// opened; if someone saved after it, nothing is written and the result says so.
    /// </summary>
    public async Task<ContentOutcome> UpdateAsync(ContentItem edited, string expectedVersionId, bool publish, string? userName)
    {
        var type = await RequireTypeAsync(edited.ContentType);
        await using var transaction = await session.BeginTransactionAsync();
        if (!await store.ReleaseLatestAsync(edited.ContentItemId, expectedVersionId)) return ContentOutcome.Stale();
        var previousPublished = await store.GetAsync(edited.ContentItemId, published: true);
        var now = clock.GetUtcNow();
        var version = new ContentItem
        {
            ContentItemId = edited.ContentItemId, ContentItemVersionId = ContentItem.NewId(), ContentType = edited.ContentType,
            Number = await store.NextNumberAsync(edited.ContentItemId), Latest = true, Published = publish,
            Owner = edited.Owner, Author = userName, CreatedUtc = edited.CreatedUtc, ModifiedUtc = now,
            Content = (JsonObject)edited.Content.DeepClone(),
        };
        version.PublishedUtc = publish ? await FirstPublishedOrAsync(version.ContentItemId, now) : previousPublished?.PublishedUtc;
        if (publish) await store.ClearPublishedAsync(version.ContentItemId);
        Prepare(version);
        await store.InsertAsync(version);
        var context = Context(version, type, userName, previousPublished);
        await EachAsync(h => h.IndexingAsync(context));
        await EachAsync(h => h.UpdatedAsync(context));
        await EachAsync(h => publish ? h.PublishedAsync(context) : h.DraftSavedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(version);
    }

    /// <summary>
    /// Publishes the latest version (a no-op when it already is public). With <paramref name="expectedVersionId"/>
    /// (an approval's version) nothing happens unless that version is still the latest.
    /// </summary>
    public async Task<ContentOutcome> PublishAsync(string contentItemId, string? userName, string? expectedVersionId = null)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var latest = await store.GetAsync(contentItemId, published: false);
        if (latest is null) return ContentOutcome.NotFound();
        if (expectedVersionId is not null && latest.ContentItemVersionId != expectedVersionId) return ContentOutcome.Stale();
        if (latest.Published) return ContentOutcome.Ok(latest);
        var type = await RequireTypeAsync(latest.ContentType);
        var previousPublished = await store.GetAsync(contentItemId, published: true);
        var now = clock.GetUtcNow();
        await store.ClearPublishedAsync(contentItemId);
        latest.PublishedUtc = await FirstPublishedOrAsync(contentItemId, now);
        latest.Published = true;
        await store.MarkPublishedAsync(latest.Id, latest.PublishedUtc.Value);
        var context = Context(latest, type, userName, previousPublished);
        await EachAsync(h => h.PublishedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(latest);
    }

    /// <summary>Submits the latest version for review: nothing changes but the handlers hear it (an approval process starts).</summary>
    public async Task<ContentOutcome> SubmitAsync(string contentItemId, string? userName)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var latest = await store.GetAsync(contentItemId, published: false);
        if (latest is null) return ContentOutcome.NotFound();
        var type = await RequireTypeAsync(latest.ContentType);
        var context = Context(latest, type, userName);
        await EachAsync(h => h.SubmittedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(latest);
    }

    public async Task<ContentOutcome> UnpublishAsync(string contentItemId, string? userName)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var published = await store.GetAsync(contentItemId, published: true);
        if (published is null) return await store.GetAsync(contentItemId, false) is { } draft ? ContentOutcome.Ok(draft) : ContentOutcome.NotFound();
        var type = await RequireTypeAsync(published.ContentType);
        await store.ClearPublishedAsync(contentItemId);
        published.Published = false;
        var context = Context(published, type, userName);
        await EachAsync(h => h.UnpublishedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(published);
    }

    /// <summary>Removes the item from the site and the admin list; its versions stay for the audit trail.</summary>
    public async Task<ContentOutcome> RemoveAsync(string contentItemId, string? userName)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var latest = await store.GetAsync(contentItemId, published: false);
        if (latest is null) return ContentOutcome.NotFound();
        var type = await RequireTypeAsync(latest.ContentType);
        await store.RemoveAllAsync(contentItemId);
        var context = Context(latest, type, userName);
        await EachAsync(h => h.RemovedAsync(context));
        await transaction.CommitAsync();
        return ContentOutcome.Ok(latest);
    }

    /// <summary>A new draft item with the latest version's parts and fields (and no address, so it cannot clash).</summary>
    public async Task<ContentOutcome> CloneAsync(string contentItemId, string copySuffix, string? userName)
    {
        var source = await store.GetAsync(contentItemId, published: false);
        if (source is null) return ContentOutcome.NotFound();
        var clone = (await NewAsync(source.ContentType))!;
        clone.Content = (JsonObject)source.Content.DeepClone();
        clone.ContainerId = source.ContainerId;
        if (clone.Has(ContentParts.Title)) clone.Apply(ContentParts.Title, new TitlePart { Title = source.DisplayText + copySuffix });
        if (clone.Has(ContentParts.Autoroute)) clone.Apply(ContentParts.Autoroute, new AutoroutePart());
        clone.Content.Remove(ContentParts.PublishLater);
        return await CreateAsync(clone, publish: false, userName);
    }

    /// <summary>Makes an old version current again as a new version; it goes public at once if the item is public.</summary>
    public async Task<ContentOutcome> RestoreAsync(string contentItemId, string versionId, string expectedVersionId, string? userName)
    {
        var old = await store.GetVersionAsync(versionId);
        if (old is null || old.ContentItemId != contentItemId) return ContentOutcome.NotFound();
        var isPublic = await store.GetAsync(contentItemId, published: true) is not null;
        return await UpdateAsync(old, expectedVersionId, isPublic, userName);
    }

    private async Task<DateTimeOffset> FirstPublishedOrAsync(string contentItemId, DateTimeOffset now) =>
        await store.FirstPublishedAsync(contentItemId) is { } first ? UnixTime.FromMs(first) : now;

    private static void Prepare(ContentItem item)
    {
        if (item.Has(ContentParts.Title)) item.DisplayText = item.As<TitlePart>(ContentParts.Title).Title.Trim();
        if (item.Has(ContentParts.Contained)) item.ContainerId = item.As<ContainedPart>(ContentParts.Contained).ListContentItemId is { Length: > 0 } id ? id : null;
    }

    private async Task<ContentTypeDefinition> RequireTypeAsync(string name) =>
        await definitions.FindAsync(name) ?? new ContentTypeDefinition { Name = name, DisplayName = name };

    private ContentContext Context(ContentItem item, ContentTypeDefinition type, string? userName, ContentItem? previousPublished = null) =>
        new(item, type, session, services) { UserName = userName, PreviousPublished = previousPublished };

    private async Task EachAsync(Func<IContentHandler, Task> action)
    {
        foreach (var handler in handlers)
            if (await IsEnabledAsync(handler.FeatureId)) await action(handler);
    }

    /// <summary>
    /// The shell knows the features of a running tenant; a recipe that enables a feature and then adds
    /// content in the same transaction is seen through the store instead.
    /// </summary>
    private async Task<bool> IsEnabledAsync(string? featureId)
    {
        if (featureId is null || tenant.Shell.IsFeatureEnabled(featureId)) return true;
        _storedFeatures ??= await features.GetEnabledAsync();
        return _storedFeatures.Contains(featureId);
    }
}

public enum ContentOutcomeKind { Ok, Stale, NotFound }

public sealed record ContentOutcome(ContentOutcomeKind Kind, ContentItem? Item)
{
    public bool Succeeded => Kind == ContentOutcomeKind.Ok;
    public static ContentOutcome Ok(ContentItem item) => new(ContentOutcomeKind.Ok, item);
    public static ContentOutcome Stale() => new(ContentOutcomeKind.Stale, null);
    public static ContentOutcome NotFound() => new(ContentOutcomeKind.NotFound, null);
}
