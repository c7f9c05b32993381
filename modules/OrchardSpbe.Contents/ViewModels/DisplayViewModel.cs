using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.ViewModels;

/// <summary>A published item as the public sees it; for a list, the page of items it holds.</summary>
public sealed class DisplayViewModel
{
    public required ContentItem Item { get; init; }
    public required ContentTypeDefinition Type { get; init; }

    /// <summary>News of a news list (newest first), or upcoming events of an agenda.</summary>
    public ContentPage? Children { get; init; }

    /// <summary>Past events of an agenda (most recent first).</summary>
    public ContentPage? Past { get; init; }

    /// <summary>The list the item belongs to (for the breadcrumb).</summary>
    public ContentItem? Container { get; init; }

    public IReadOnlyList<TaxonomyTerm> Terms { get; init; } = [];

    public bool IsAgenda { get; init; }

    /// <summary>The taxonomy term a news list is filtered by ("?kategori=").</summary>
    public string? TermId { get; init; }
}
