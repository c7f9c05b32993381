using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A taxonomy's terms, one per line; a term keeps its id while its name stays, so tagged items keep their tags.</summary>
public sealed class TaxonomyPartEditor : IContentEditor
{
    public const int MaxTerms = 500;

    public string Name => ContentParts.Taxonomy;

    public Task UpdateAsync(EditorContext context)
    {
        var existing = context.Item.As<TaxonomyPart>(ContentParts.Taxonomy).Terms.ToDictionary(t => t.Name, t => t.Id, StringComparer.OrdinalIgnoreCase);
        var names = (context.Value("Terms") ?? "").Split('\n').Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // A term list is a menu of categories, not a data set: beyond a few hundred, pages and pickers break.
        if (names.Count > MaxTerms) context.Error("Terms", context.T["Paling banyak {0} istilah.", MaxTerms]);
        if (names.Any(n => n.Length > 100)) context.Error("Terms", context.T["Nama istilah paling banyak 100 karakter."]);
        context.Item.Apply(ContentParts.Taxonomy, new TaxonomyPart
        {
            Terms = names.Select(n => new TaxonomyTerm { Name = n, Id = existing.TryGetValue(n, out var id) ? id : ContentItem.NewId() }).ToList(),
        });
        return Task.CompletedTask;
    }
}
