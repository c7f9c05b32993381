using System.Text.Json.Nodes;

namespace OrchardSpbe.Content;

/// <summary>
/// A content type of a tenant: the parts it is made of and the fields it adds, with their settings.
/// Stored per tenant; modules and recipes define theirs, administrators add fields and simple types.
/// </summary>
public sealed record ContentTypeDefinition
{
    /// <summary>Technical name (letters and digits, starting with a capital): "Article".</summary>
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Description { get; init; }

    /// <summary>Editors may create items of this type from the admin.</summary>
    public bool Creatable { get; init; } = true;

    /// <summary>Shown in the admin content list's type filter.</summary>
    public bool Listable { get; init; } = true;

    /// <summary>The cross-tenant catalog kind this type's published items feed ("news", "agenda"), or null.</summary>
    public string? PortalCatalog { get; init; }

    public List<PartDefinition> Parts { get; init; } = [];
    public List<FieldDefinition> Fields { get; init; } = [];

    public PartDefinition? Part(string name) => Parts.FirstOrDefault(p => p.Name == name);
    public bool HasPart(string name) => Parts.Any(p => p.Name == name);
}

/// <summary>A part attached to a type, with settings such as ListPart's contained types.</summary>
public sealed record PartDefinition
{
    public string Name { get; init; } = "";
    public JsonObject Settings { get; init; } = new();

    public string? Setting(string key) => Settings[key]?.GetValue<string>();
    public bool Flag(string key) => Settings[key]?.GetValue<bool>() == true;
    public int Number(string key, int fallback) => Settings[key] is JsonValue value && value.TryGetValue<int>(out var n) ? n : fallback;
    public IReadOnlyList<string> List(string key) => Settings[key] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [];
}

/// <summary>A field a type adds: stored under the type's own name in the item's JSON.</summary>
public sealed record FieldDefinition
{
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Type { get; init; } = ContentFieldTypes.Text;
    public bool Required { get; init; }
    public string? Hint { get; init; }
    public JsonObject Settings { get; init; } = new();
}

public static class ContentParts
{
    public const string Title = "TitlePart";
    public const string Body = "BodyPart";
    public const string Autoroute = "AutoroutePart";
    public const string PublishLater = "PublishLaterPart";
    public const string List = "ListPart";
    public const string Contained = "ContainedPart";
    public const string Taxonomy = "TaxonomyPart";
    public const string Media = "MediaPart";
    public const string Seo = "SeoPart";
    public const string Event = "EventPart";

    public static readonly IReadOnlyList<string> All = [Title, Body, Autoroute, PublishLater, List, Contained, Taxonomy, Media, Seo, Event];
}

public static class ContentFieldTypes
{
    public const string Text = "TextField";
    public const string Numeric = "NumericField";
    public const string Date = "DateField";
    public const string DateTime = "DateTimeField";
    public const string Boolean = "BooleanField";
    public const string Link = "LinkField";
    public const string ContentPicker = "ContentPickerField";
    public const string Media = "MediaField";
    public const string Taxonomy = "TaxonomyField";

    public static readonly IReadOnlyList<string> All = [Text, Numeric, Date, DateTime, Boolean, Link, ContentPicker, Media, Taxonomy];
}
