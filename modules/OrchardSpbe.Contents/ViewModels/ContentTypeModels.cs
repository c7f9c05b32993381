using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.ViewModels;

public sealed class ContentTypeCreateModel
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public List<string> Parts { get; set; } = [];
}

public sealed class ContentTypeEditModel
{
    public required ContentTypeDefinition Type { get; init; }
    public int Version { get; init; }
    public required IReadOnlyList<string> KnownFieldTypes { get; init; }
    public ContentFieldAddModel NewField { get; init; } = new();
}

public sealed class ContentFieldAddModel
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? Type { get; set; } = ContentFieldTypes.Text;
    public bool Required { get; set; }
    public string? Hint { get; set; }
}
