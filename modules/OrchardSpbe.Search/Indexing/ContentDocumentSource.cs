using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// Content items in search: every type with a title and a body or an address (pages, news, agenda, lists).
/// An item gives its published version (found by everyone) and, when newer, its latest draft (found by its editors).
/// </summary>
public sealed partial class ContentDocumentSource : ISearchDocumentSource
{
    public const string Prefix = "content";

    public string Name => Prefix;
    public string? FeatureId => Manifest.ContentsFeatureId;

    public static string ItemIdOf(string contentItemId) => Prefix + "/" + contentItemId;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IServiceProvider services, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Where(i => i.StartsWith(Prefix + "/", StringComparison.Ordinal)).Select(i => i[(Prefix.Length + 1)..]).ToList();
        if (ids.Count == 0) return [];
        var store = services.GetRequiredService<ContentStore>();
        var types = await IndexableTypesAsync(services);
        var published = await store.GetManyAsync(ids, published: true);
        var latest = await store.GetManyAsync(ids, published: false);
        var documents = new List<SearchDocument>();
        foreach (var item in published)
            if (types.TryGetValue(item.ContentType, out var type)) documents.Add(Map(item, type, SearchVisibility.Published));
        foreach (var item in latest.Where(i => !i.Published))
            if (types.TryGetValue(item.ContentType, out var type)) documents.Add(Map(item, type, SearchVisibility.Draft));
        return documents;
    }

    public async Task<IReadOnlyDictionary<string, int>> ListAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var types = await IndexableTypesAsync(services);
        if (types.Count == 0) return new Dictionary<string, int>();
        var session = services.GetRequiredService<TenantSession>();
        // One document for the published version, one for a latest version that is not the published one.
        var rows = await session.QueryAsync<(string Id, long Count)>($"""
            SELECT content_item_id, COUNT(*) FROM content_items
            WHERE (published = TRUE OR latest = TRUE) AND {session.Dialect.InList("content_type", "types")}
            GROUP BY content_item_id
            """, new { types = types.Keys.ToArray() });
        return rows.ToDictionary(r => ItemIdOf(r.Id), r => (int)r.Count);
    }

    private static async Task<Dictionary<string, ContentTypeDefinition>> IndexableTypesAsync(IServiceProvider services)
    {
        var definitions = await services.GetRequiredService<ContentDefinitionStore>().GetAsync();
        return definitions.Types
            .Where(t => t.HasPart(ContentParts.Title) && (t.HasPart(ContentParts.Body) || t.HasPart(ContentParts.Autoroute)))
            .ToDictionary(t => t.Name);
    }

    private static SearchDocument Map(ContentItem item, ContentTypeDefinition type, SearchVisibility visibility)
    {
        var body = new StringBuilder();
        if (item.Has(ContentParts.Body)) body.AppendLine(PlainText(item.As<BodyPart>(ContentParts.Body).Html));
        if (item.Has(ContentParts.Seo) && item.As<SeoPart>(ContentParts.Seo).MetaDescription is { Length: > 0 } description) body.AppendLine(description);
        // The type's own text fields ("Sumber", a service code) are searchable text too.
        if (item.Content[item.ContentType] is JsonObject fields)
            foreach (var field in type.Fields.Where(f => f.Type == ContentFieldTypes.Text))
                if (fields[field.Name] is JsonObject value && value["Text"] is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
                    body.AppendLine(s);
        var path = item.As<AutoroutePart>(ContentParts.Autoroute).Path;
        return new SearchDocument
        {
            ItemId = ItemIdOf(item.ContentItemId),
            Visibility = visibility,
            Type = item.ContentType,
            TypeName = type.DisplayName,
            Title = item.DisplayText,
            Body = body.ToString().Trim(),
            Url = path is { Length: > 0 } ? "/" + path : "/contents/" + item.ContentItemId,
            Date = visibility == SearchVisibility.Published ? item.PublishedUtc ?? item.ModifiedUtc : item.ModifiedUtc,
            Owner = item.Owner,
        };
    }

    /// <summary>The words of sanitised HTML: block ends become line breaks, entities decoded.</summary>
    public static string PlainText(string html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"</(p|div|li|h[1-6]|tr|blockquote)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}
