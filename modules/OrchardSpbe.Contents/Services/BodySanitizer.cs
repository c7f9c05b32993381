using Ganss.Xss;
using Markdig;

namespace OrchardSpbe.Contents.Services;

/// <summary>
/// Makes editors' HTML safe to show: scripts, event handlers, javascript: links and the like are removed
/// (HtmlSanitizer's allow-list); Markdown is rendered by Markdig with raw HTML off, then sanitised too.
/// </summary>
public sealed class BodySanitizer
{
    private readonly HtmlSanitizer _sanitizer = new();
    private readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public BodySanitizer()
    {
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("tel");
        // Inline styles would let a body break the page layout and get around the theme's contrast.
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("form");
    }

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();

    public string RenderMarkdown(string? markdown) => Sanitize(Markdown.ToHtml(markdown ?? "", _markdown));
}
