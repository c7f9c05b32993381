using System.Text.Json.Nodes;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Terms picked from a taxonomy (setting "TaxonomyContentItemId").</summary>
public sealed class TaxonomyFieldEditor(ContentStore store) : IContentEditor
{
    public string Name => ContentFieldTypes.Taxonomy;

    public async Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context)
    {
        var taxonomyId = context.Setting("TaxonomyContentItemId");
        if (string.IsNullOrEmpty(taxonomyId) || await store.GetAsync(taxonomyId, published: false) is not { } taxonomy) return [];
        return taxonomy.As<TaxonomyPart>(ContentParts.Taxonomy).Terms.Select(t => new EditorOption(t.Id, t.Name)).ToList();
    }

    public async Task UpdateAsync(EditorContext context)
    {
        var allowed = (await OptionsAsync(context)).Select(o => o.Value).ToHashSet();
        var picked = context.Values("TermIds").Where(allowed.Contains).Distinct().ToList();
        context.FieldData["TermIds"] = new JsonArray(picked.Select(p => (JsonNode?)p).ToArray());
        if (context.Field!.Required && picked.Count == 0) context.Error("TermIds", context.T["{0} wajib dipilih.", context.Label]);
    }
}
