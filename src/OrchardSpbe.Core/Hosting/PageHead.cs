using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OrchardSpbe.Hosting;

/// <summary>
/// What a page adds to its layout's &lt;head&gt; (Orchard's resource manager's head links): a view registers
/// its feeds (rel="alternate") or canonical address, the layout writes them with <see cref="Render"/>.
/// One per request.
/// </summary>
public sealed class PageHead
{
    private readonly List<HeadLink> _links = [];

    public IReadOnlyList<HeadLink> Links => _links;

    public PageHead AddLink(string rel, string href, string? type = null, string? title = null)
    {
        _links.Add(new HeadLink(rel, href, type, title));
        return this;
    }

    /// <summary>The registered links as &lt;link&gt; elements, for the layout's &lt;head&gt;.</summary>
    public IHtmlContent Render()
    {
        var html = new HtmlContentBuilder();
        foreach (var link in _links)
        {
            var e = HtmlEncoder.Default;
            var type = link.Type is null ? "" : $" type=\"{e.Encode(link.Type)}\"";
            var title = link.Title is null ? "" : $" title=\"{e.Encode(link.Title)}\"";
            html.AppendHtml($"<link rel=\"{e.Encode(link.Rel)}\" href=\"{e.Encode(link.Href)}\"{type}{title} />\n");
        }
        return html;
    }
}

public sealed record HeadLink(string Rel, string Href, string? Type, string? Title);
