using System.Security.Claims;

namespace OrchardSpbe.Search;

/// <summary>
/// Searching from another module (the statistics pages search indicators): on a PD site its own published
/// documents, on the city portal every running PD's, with the reader's rights. Offered by the Search feature; a
/// module asks for it with GetService and does without where search is off.
/// </summary>
public interface ISiteSearch
{
    Task<SiteSearchResult> SearchAsync(ClaimsPrincipal user, SiteSearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every hit of the query — tenant and item id, no ranking, snippets or pages (<see cref="SiteSearchQuery.Page"/> and
    /// facets are ignored): the set a module filters its own records by (the datasets catalogue's <c>q</c>).
    /// </summary>
    Task<IReadOnlySet<(string Tenant, string ItemId)>> MatchAsync(ClaimsPrincipal user, SiteSearchQuery query, CancellationToken cancellationToken = default);
}

public sealed record SiteSearchQuery
{
    public string? Text { get; init; }

    /// <summary>Only documents of this type (a source's own type, e.g. "Indicator").</summary>
    public string? Type { get; init; }

    /// <summary>On the portal: one PD only.</summary>
    public string? Tenant { get; init; }

    /// <summary>Exact values of the source's keyword fields.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Keyword fields (indexed with Facet) to count per value.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
}

public sealed record SiteSearchResult
{
    public static readonly SiteSearchResult Empty = new();

    public long Total { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; }
    public IReadOnlyList<SiteSearchHit> Hits { get; init; } = [];

    /// <summary>Counts per PD (tenant name) and per value of each requested field.</summary>
    public IReadOnlyList<(string Value, int Count)> Tenants { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<(string Value, int Count)>>();
    public string? DidYouMean { get; init; }
}

/// <summary>A hit: its PD, its path on the PD's site, the highlighted title and snippet (HTML), and its stored fields.</summary>
public sealed record SiteSearchHit(string Tenant, string Url, string TitleHtml, string SnippetHtml, DateTimeOffset Date, IReadOnlyDictionary<string, string> Fields);
