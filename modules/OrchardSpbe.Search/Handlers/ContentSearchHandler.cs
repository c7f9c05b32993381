using Microsoft.Extensions.Logging;
using OrchardSpbe.Content;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Handlers;

/// <summary>
/// Logs every content change in the search change log, inside the change's transaction; once it commits,
/// this node's index applies it at once (other nodes on the change signal or their next tick).
/// </summary>
public sealed class ContentSearchHandler(SearchChangeLog log, SearchIndexHost indexes, ILogger<ContentSearchHandler> logger) : IContentHandler
{
    private readonly HashSet<string> _logged = [];
    private object? _transaction;

    public string? FeatureId => Manifest.FeatureId;

    public Task DraftSavedAsync(ContentContext context) => LogAsync(context);
    public Task PublishedAsync(ContentContext context) => LogAsync(context);
    public Task UnpublishedAsync(ContentContext context) => LogAsync(context);
    public Task RemovedAsync(ContentContext context) => LogAsync(context);

    private async Task LogAsync(ContentContext context)
    {
        // One entry per item and scope is enough: applying re-reads the item's current state.
        if (!ReferenceEquals(_transaction, context.Session.Transaction))
        {
            _transaction = context.Session.Transaction;
            _logged.Clear();
        }
        if (!_logged.Add(context.Item.ContentItemId)) return;
        var services = context.Services;
        await log.AppendAsync(ContentDocumentSource.ItemIdOf(context.Item.ContentItemId), async () =>
        {
            try { await indexes.CatchUpAsync(services, CancellationToken.None); }
            // The change is committed; the tick applies it if this fails.
            catch (Exception exception) { logger.LogWarning(exception, "Search index catch-up after a commit failed"); }
        });
    }
}
