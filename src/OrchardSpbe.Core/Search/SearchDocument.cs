namespace OrchardSpbe.Search;

/// <summary>Who may find a document: the public (published) or the tenant's editors only (draft).</summary>
public enum SearchVisibility { Published, Draft }

public enum SearchFieldKind
{
    /// <summary>Free text: analysed as Indonesian (stemmed, stop words out) and kept raw beside it for codes and typos.</summary>
    Text,
    /// <summary>One exact value (a code, a category): filters and facets.</summary>
    Keyword,
    Number,
    Date,
}

/// <summary>A field a module adds beyond the common ones (title, body, url, type, date).</summary>
public sealed record SearchField(string Name, SearchFieldKind Kind, string? Text = null, double? Number = null, DateTimeOffset? Date = null)
{
    /// <summary>Kept in the index so results can show it.</summary>
    public bool Stored { get; init; }

    /// <summary>Counted per value in the results (keyword fields).</summary>
    public bool Facet { get; init; }
}

/// <summary>
/// What a module puts in a tenant's search index for one of its items. An item may give several documents
/// (the published version and a newer draft); they share <see cref="ItemId"/> and are replaced together.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The item within its source ("content" + content item id) — what the change log names.</summary>
    public required string ItemId { get; init; }
    public required SearchVisibility Visibility { get; init; }

    /// <summary>The kind of thing, as a filter and facet value ("Article"), and how people read it ("Berita").</summary>
    public required string Type { get; init; }
    public string TypeName { get; init; } = "";

    public required string Title { get; init; }
    /// <summary>Plain text (no markup); the snippet is cut from it.</summary>
    public string Body { get; init; } = "";

    /// <summary>Path on the tenant's site ("/berita/jembatan"); the portal makes it absolute with the PD's address.</summary>
    public required string Url { get; init; }

    /// <summary>The date results sort by (published, or last modified for a draft).</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>User name of the owner: an author who may edit only their own items finds only their own drafts.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<SearchField> Fields { get; init; } = [];
}
