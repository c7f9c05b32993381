using System.Text;
using System.Text.Json.Nodes;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Services;

/// <summary>A readable line-by-line difference between two versions: title, body text, then every other part and field.</summary>
public static class VersionDiff
{
    public enum Change { Unchanged, Added, Removed }

    public sealed record Line(Change Change, string Text);

    public static IReadOnlyList<Line> Compare(ContentItem from, ContentItem to)
    {
        var diff = InlineDiffBuilder.Diff(ToText(from), ToText(to), ignoreWhiteSpace: false);
        return diff.Lines.Select(l => new Line(l.Type switch
        {
            ChangeType.Inserted => Change.Added,
            ChangeType.Deleted => Change.Removed,
            _ => Change.Unchanged,
        }, l.Text)).ToList();
    }

    /// <summary>The version as lines a person can compare; HTML becomes its text.</summary>
    public static string ToText(ContentItem item)
    {
        var text = new StringBuilder();
        text.AppendLine("Judul: " + item.DisplayText);
        foreach (var (name, node) in item.Content.OrderBy(p => p.Key == ContentParts.Body ? 1 : 0))
        {
            if (name == ContentParts.Title || node is not JsonObject part) continue;
            if (name == ContentParts.Body)
            {
                text.AppendLine("Isi:");
                text.AppendLine(HtmlText.ToText(item.As<BodyPart>(ContentParts.Body).Html));
                continue;
            }
            foreach (var (key, value) in part)
                text.AppendLine($"{name}.{key}: {Flatten(value)}");
        }
        return text.ToString();
    }

    private static string Flatten(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => value.ToString(),
        JsonArray array => string.Join(", ", array.Select(Flatten)),
        JsonObject obj => string.Join("; ", obj.Select(p => $"{p.Key}={Flatten(p.Value)}")),
        _ => node.ToJsonString(),
    };
}
