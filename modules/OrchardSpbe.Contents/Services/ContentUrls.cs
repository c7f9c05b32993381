using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Services;

/// <summary>Where an item is shown on the public site, relative to the site root.</summary>
public static class ContentUrls
{
    public static string PathOf(ContentItem item) =>
        item.As<AutoroutePart>(ContentParts.Autoroute).Path is { Length: > 0 } path ? "/" + path : "/contents/" + item.ContentItemId;
}
