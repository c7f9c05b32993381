using OrchardSpbe.Catalog;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>
/// Feeds the city portal: a published item of a type with a catalog kind (news, agenda) is copied to the
/// cross-tenant catalog; unpublished or removed, it is withdrawn. 001 Pasal 19(10): the portal gathers what PDs publish.
/// </summary>
public sealed class PortalCatalogHandler(CatalogOutbox outbox) : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task PublishedAsync(ContentContext context)
    {
        if (context.Type.PortalCatalog is not { } kind) return;
        var item = context.Item;
        var seo = item.As<SeoPart>(ContentParts.Seo);
        var body = item.As<BodyPart>(ContentParts.Body);
        var media = item.As<MediaPart>(ContentParts.Media);
        var route = item.As<AutoroutePart>(ContentParts.Autoroute);
        var when = item.As<EventPart>(ContentParts.Event);
        await outbox.PublishAsync(new CatalogEntry
        {
            Kind = kind,
            SourceId = item.ContentItemId,
            Title = item.DisplayText,
            Summary = string.IsNullOrWhiteSpace(seo.MetaDescription) ? HtmlText.Excerpt(body.Html, 240) : seo.MetaDescription,
            Path = string.IsNullOrEmpty(route.Path) ? "contents/" + item.ContentItemId : route.Path,
            ImagePath = media.Paths.FirstOrDefault(),
            PublishedUtc = item.PublishedUtc ?? item.ModifiedUtc,
            StartUtc = when.StartUtc,
            EndUtc = when.EndUtc,
            Place = when.Place,
        });
    }

    public Task UnpublishedAsync(ContentContext context) => WithdrawAsync(context);

    public Task RemovedAsync(ContentContext context) => WithdrawAsync(context);

    private Task WithdrawAsync(ContentContext context) =>
        context.Type.PortalCatalog is { } kind ? outbox.WithdrawAsync(kind, context.Item.ContentItemId) : Task.CompletedTask;
}
