using System.Text.Json.Nodes;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>Indexes the terms picked in taxonomy fields, so lists filter by category without reading items.</summary>
public sealed class TermIndexHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task IndexingAsync(ContentContext context)
    {
        foreach (var field in context.Type.Fields.Where(f => f.Type == ContentFieldTypes.Taxonomy))
        {
            if (context.Item.Fields[field.Name]?["TermIds"] is not JsonArray terms) continue;
            foreach (var term in terms.Select(t => t?.GetValue<string>()).Where(t => !string.IsNullOrEmpty(t)).Distinct())
                await context.Session.ExecuteAsync("INSERT INTO term_index (document_id, field, term_id) VALUES (@id, @field, @term)",
                    new { id = context.Item.Id, field = field.Name, term });
        }
    }
}
