using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrchardSpbe.Content;

/// <summary>
/// One version of a content item. All versions share <see cref="ContentItemId"/>; each has its own
/// <see cref="ContentItemVersionId"/>. At most one version is <see cref="Latest"/> (what editors see) and at
/// most one is <see cref="Published"/> (what the public sees). Parts and fields live in <see cref="Content"/>
/// as JSON: <c>{ "TitlePart": { "Title": … }, "Article": { "Sumber": { "Text": … } } }</c>.
/// </summary>
public sealed class ContentItem
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    /// <summary>The row id of this version (the "document" its index rows point at).</summary>
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public int Number { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset ModifiedUtc { get; set; }
    public DateTimeOffset? PublishedUtc { get; set; }

    /// <summary>The list (container) this item belongs to, e.g. the news list of an article.</summary>
    public string? ContainerId { get; set; }

    public JsonObject Content { get; set; } = new();

    /// <summary>A part (or the type's own field holder) as a typed object; a new one when absent.</summary>
    public T As<T>(string name) where T : new() =>
        Content[name] is JsonObject node ? node.Deserialize<T>(Json) ?? new T() : new T();

    public T As<T>() where T : new() => As<T>(typeof(T).Name);

    public bool Has(string name) => Content[name] is JsonObject;

    public void Apply<T>(string name, T value) => Content[name] = JsonSerializer.SerializeToNode(value, Json);

    public void Apply<T>(T value) => Apply(typeof(T).Name, value);

    /// <summary>The JSON object holding the fields a type defines directly (named as the type).</summary>
    public JsonObject Fields => Content[ContentType] as JsonObject ?? (JsonObject)(Content[ContentType] = new JsonObject());

    public static string NewId() => Guid.NewGuid().ToString("N")[..26];
}
