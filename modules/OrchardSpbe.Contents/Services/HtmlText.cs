using AngleSharp.Html.Parser;

namespace OrchardSpbe.Contents.Services;

/// <summary>Plain text from stored HTML, for summaries, feeds and diffs.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = Parser.ParseDocument("<body>" + html + "</body>");
        foreach (var block in document.QuerySelectorAll("p, li, h1, h2, h3, h4, h5, h6, br, tr, div"))
            block.Append(document.CreateTextNode("\n"));
        return string.Join('\n', (document.Body?.TextContent ?? "").Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));
    }

    public static string Excerpt(string? html, int length)
    {
        var text = ToText(html).Replace('\n', ' ');
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd(',', '.', ';', ':') + "…";
    }
}
