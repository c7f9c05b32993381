namespace OrchardSpbe.Content;

/// <summary>A filtered, sorted, paged query over content items, answered from the index columns.</summary>
public sealed record ContentQuery
{
    public IReadOnlyList<string>? ContentTypes { get; init; }
    public ContentStatus Status { get; init; } = ContentStatus.Latest;
    public string? Owner { get; init; }

    /// <summary>
    /// For a user who may edit only their own items: other users' items appear only where published, so
    /// nobody reads a colleague's draft titles in a list their role gives them no right to open.
    /// </summary>
    public string? DraftsOnlyOf { get; init; }
    public string? TitleContains { get; init; }
    public string? ContainerId { get; init; }

    /// <summary>Only events starting at or after / before this time (agenda: upcoming, past).</summary>
    public DateTimeOffset? EventStartsFrom { get; init; }
    public DateTimeOffset? EventStartsBefore { get; init; }

    /// <summary>Only items tagged with this taxonomy term.</summary>
    public string? TermId { get; init; }

    /// <summary>Only items in this review state (<see cref="ContentReviewStates"/>), e.g. "menunggu-persetujuan".</summary>
    public string? ReviewState { get; init; }

    public ContentOrder Order { get; init; } = ContentOrder.ModifiedDesc;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>Also read the parts and fields (public lists); admin lists need only the index columns.</summary>
    public bool WithContent { get; init; }
}

public enum ContentStatus
{
    /// <summary>The latest version of every item (what editors work on).</summary>
    Latest,
    /// <summary>The published version of every published item.</summary>
    Published,
    /// <summary>Latest versions not published (new drafts and unpublished items).</summary>
    Draft,
    /// <summary>Items published whose latest version is a newer draft.</summary>
    PublishedWithDraft,
}

public enum ContentOrder
{
    ModifiedDesc,
    PublishedDesc,
    CreatedDesc,
    TitleAsc,
    EventStartAsc,
    EventStartDesc,
}

public sealed record ContentPage(IReadOnlyList<ContentItem> Items, long Total, int Page, int PageSize)
{
    public int PageCount => Navigation.Pager.PageCountOf(Total, PageSize);
}
