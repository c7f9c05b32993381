using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Contents.Editors;

/// <summary>
/// Generates an item's editor from its type: one editor per part (title first, address last, since the
/// address is made from the title and list) and one per field, and applies a posted form through them.
/// </summary>
public sealed class ContentEditorService(IEnumerable<IContentEditor> editors, IStringLocalizer<Strings> T, IServiceProvider services)
{
    private static readonly string[] PartOrder = [ContentParts.Title, ContentParts.Contained, ContentParts.Event, ContentParts.Body, ContentParts.Media, ContentParts.Taxonomy, ContentParts.Seo, ContentParts.PublishLater, ContentParts.Autoroute];

    /// <summary>The editors of the item's parts and fields, with their choices loaded, ready to render.</summary>
    public async Task<IReadOnlyList<(IContentEditor Editor, EditorContext Context)>> BuildAsync(
        ContentItem item, ContentTypeDefinition type, IDictionary<string, string> errors, IFormCollection? form = null)
    {
        var built = Contexts(item, type, errors, form, null).ToList();
        foreach (var (editor, context) in built) context.Options = await editor.OptionsAsync(context);
        return built;
    }

    /// <summary>Reads the form into the item; returns the errors by form name (empty: valid).</summary>
    public async Task<Dictionary<string, string>> UpdateAsync(ContentItem item, ContentTypeDefinition type, IFormCollection form, string? userName)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (editor, context) in Contexts(item, type, errors, form, userName)) await editor.UpdateAsync(context);
        return errors;
    }

    private IEnumerable<(IContentEditor, EditorContext)> Contexts(ContentItem item, ContentTypeDefinition type, IDictionary<string, string> errors, IFormCollection? form, string? userName)
    {
        var byName = editors.ToDictionary(e => e.Name);
        foreach (var part in type.Parts.OrderBy(p => Array.IndexOf(PartOrder, p.Name) is var i && i < 0 ? 50 : i))
        {
            if (!byName.TryGetValue(part.Name, out var editor)) continue;
            yield return (editor, new EditorContext
            {
                Item = item, Type = type, Part = part, Prefix = part.Name, Form = form, Errors = errors, T = T, Services = services, UserName = userName,
            });
        }
        foreach (var field in type.Fields)
        {
            if (!byName.TryGetValue(field.Type, out var editor)) continue;
            yield return (editor, new EditorContext
            {
                Item = item, Type = type, Field = field, Prefix = type.Name + "." + field.Name, Form = form, Errors = errors, T = T, Services = services, UserName = userName,
            });
        }
    }
}
