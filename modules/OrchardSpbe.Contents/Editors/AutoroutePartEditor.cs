using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;

namespace OrchardSpbe.Contents.Editors;

/// <summary>The item's public address (see <see cref="RouteAvailability"/>); a changed address keeps the old one as a redirect.</summary>
public sealed class AutoroutePartEditor(RouteAvailability routes) : IContentEditor
{
    public string Name => ContentParts.Autoroute;

    public async Task UpdateAsync(EditorContext context)
    {
        var (path, error) = await routes.ResolveAsync(context.Item, context.Value("Path"));
        context.Item.Apply(ContentParts.Autoroute, new AutoroutePart { Path = path ?? "" });
        if (error is not null) context.Error("Path", error);
    }
}
