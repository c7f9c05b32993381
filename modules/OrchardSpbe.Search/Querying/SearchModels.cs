using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Querying;

public enum SearchSort { Relevance, Date }

/// <summary>One search: the query, over which tenants' indexes, what the reader may see, filters and the page.</summary>
public sealed record SearchRequest
{
    public required UserQuery Query { get; init; }

    /// <summary>The tenants searched (one on a PD site, every running one on the portal).</summary>
    public required IReadOnlyList<TenantShell> Tenants { get; init; }

    /// <summary>Search the portal's cross-PD index (published documents of <see cref="Tenants"/>) instead of tenant indexes.</summary>
    public bool Portal { get; init; }

    /// <summary>The tenant whose drafts the reader may see (an editor's own), and with an owner, only that owner's drafts.</summary>
    public string? DraftTenant { get; init; }
    public string? DraftOwner { get; init; }

    public string? Type { get; init; }

    /// <summary>Exact values of a module's keyword fields the hits must have ("kelompok" → "kesehatan").</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>A module's keyword fields (indexed with Facet) to count per value in the results.</summary>
    public IReadOnlyList<string> FacetFields { get; init; } = [];

    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;

    /// <summary>Pages past this are not served (a deep page costs as much as all pages before it).</summary>
    public const int MaxPage = 50;
}

public sealed record SearchHit
{
    public required string Tenant { get; init; }
    public required string Url { get; init; }
    public required string TitleHtml { get; init; }
    public required string SnippetHtml { get; init; }
    public required string Type { get; init; }
    public required string TypeName { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required bool Draft { get; init; }

    /// <summary>The module's stored fields of the hit (by name, without the "f_" prefix).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult
{
    public static readonly SearchResult Empty = new();

    public long Total { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public IReadOnlyList<FacetValue> Tenants { get; init; } = [];
    public IReadOnlyList<FacetValue> Types { get; init; } = [];

    /// <summary>Counts per value of each requested module field (<see cref="SearchRequest.FacetFields"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> FieldFacets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>Display names of the types seen in the facets.</summary>
    public IReadOnlyDictionary<string, string> TypeNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The query with words no published document has replaced by the nearest ones that do (typos).</summary>
    public string? DidYouMean { get; init; }
}
