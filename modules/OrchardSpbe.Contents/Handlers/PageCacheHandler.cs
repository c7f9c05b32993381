using OrchardSpbe.Content;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>What the public sees changed: once committed, the tenant's cached pages go, on every node.</summary>
public sealed class PageCacheHandler(IChangeBus changes, TenantContext tenant) : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public Task PublishedAsync(ContentContext context) => EvictAfterCommitAsync(context);
    public Task UnpublishedAsync(ContentContext context) => EvictAfterCommitAsync(context);
    public Task RemovedAsync(ContentContext context) => EvictAfterCommitAsync(context);

    private Task EvictAfterCommitAsync(ContentContext context)
    {
        var name = tenant.Name;
        return context.Session.AfterCommitAsync("evict-pages", () => changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, name)));
    }
}
