using OrchardSpbe.Content;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>What the public sees changed: once committed, the tenant's cached pages go, on every node.</summary>
public sealed class PageCacheHandler(IChangeBus changes, TenantContext tenant) : IContentHandler
{
    private bool _scheduled;

    public string? FeatureId => Manifest.FeatureId;

    public Task PublishedAsync(ContentContext context) => EvictAfterCommitAsync(context);
    public Task UnpublishedAsync(ContentContext context) => EvictAfterCommitAsync(context);
    public Task RemovedAsync(ContentContext context) => EvictAfterCommitAsync(context);

    private async Task EvictAfterCommitAsync(ContentContext context)
    {
        if (_scheduled) return;
        _scheduled = true;
        var name = tenant.Name;
        await context.Session.AfterCommitAsync(async () =>
        {
            _scheduled = false;
            await changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, name));
        });
    }
}
