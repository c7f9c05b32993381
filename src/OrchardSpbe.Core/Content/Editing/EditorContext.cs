using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Content.Editing;

/// <summary>One part or field of one item being edited: its definition, the posted form, and the errors so far.</summary>
public sealed class EditorContext
{
    public required ContentItem Item { get; init; }
    public required ContentTypeDefinition Type { get; init; }
    public PartDefinition? Part { get; init; }
    public FieldDefinition? Field { get; init; }

    /// <summary>"TitlePart" for a part, "Article.Sumber" for a field: the prefix of its form names.</summary>
    public required string Prefix { get; init; }
    public IFormCollection? Form { get; init; }
    public required IDictionary<string, string> Errors { get; init; }
    public required IStringLocalizer<Strings> T { get; init; }
    public required IServiceProvider Services { get; init; }
    public string? UserName { get; init; }

    /// <summary>Options the editor offered (filled for rendering).</summary>
    public IReadOnlyList<EditorOption> Options { get; set; } = [];

    public JsonObject Settings => Part?.Settings ?? Field?.Settings ?? new JsonObject();

    /// <summary>The label shown to the editor: the field's display name.</summary>
    public string Label => Field?.DisplayName ?? Part?.Name ?? Prefix;

    public string NameOf(string key) => Prefix + "." + key;

    public string IdOf(string key) => NameOf(key).Replace('.', '_');

    public string? Value(string key) => Form is not null && Form.TryGetValue(NameOf(key), out var value) ? value.ToString().Trim() : null;

    public IReadOnlyList<string> Values(string key) =>
        Form is not null && Form.TryGetValue(NameOf(key), out var values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList() : [];

    public IFormFile? File(string key) => Form?.Files.GetFile(NameOf(key)) is { Length: > 0 } file ? file : null;

    public void Error(string key, string message) => Errors.TryAdd(NameOf(key), message);

    public string? ErrorOf(string key) => Errors.TryGetValue(NameOf(key), out var message) ? message : null;

    /// <summary>The JSON of this field inside the item (created on first write).</summary>
    public JsonObject FieldData
    {
        get
        {
            var fields = Item.Fields;
            return fields[Field!.Name] as JsonObject ?? (JsonObject)(fields[Field.Name] = new JsonObject());
        }
    }

    public string? FieldText(string key) => Item.Fields[Field!.Name]?[key] is JsonValue value ? value.ToString() : null;

    public string? Setting(string key) => Settings[key] is JsonValue value ? value.ToString() : null;
}
