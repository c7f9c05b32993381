using OrchardSpbe.Search.Querying;

namespace OrchardSpbe.Search.ViewModels;

public sealed class SearchPageViewModel
{
    public string Query { get; init; } = "";
    public bool Portal { get; init; }
    public SearchSort Sort { get; init; }
    public string? Pd { get; init; }
    public string? Category { get; init; }
    public string? Type { get; init; }
    public SearchResult Result { get; init; } = SearchResult.Empty;
    public IReadOnlyList<SearchHitView> Hits { get; init; } = [];
    public IReadOnlyList<FacetLink> PdFacets { get; init; } = [];
    public IReadOnlyList<FacetLink> CategoryFacets { get; init; } = [];
    public IReadOnlyList<FacetLink> TypeFacets { get; init; } = [];

    /// <summary>This search's address with some parameters changed (null removes one); the page goes back to 1.</summary>
    public required Func<object, string> Link { get; init; }
}

public sealed record SearchHitView(SearchHit Hit, string Url, string? PdName);

public sealed record FacetLink(string Label, int Count, string Url, bool Selected);

public sealed record IndexStatusRow(string Tenant, string DisplayName, int Documents, long Cursor, long Lag, long SizeBytes, DateTimeOffset? LastAppliedUtc);
