using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Runs a search over one or many tenants' indexes as one Lucene search (a MultiReader over their current
/// readers): one ranking, one set of facet counts. A tenant that stops is closed by the change observer and
/// is simply not among the readers of the next search.
/// </summary>
public sealed class SearchService(SearchIndexHost indexes)
{
    private const int SuggestScan = 2000;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var query = QueryBuilder.Build(request.Query);
        if (query is null || request.Tenants.Count == 0) return SearchResult.Empty;
        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxPage);
        using var readers = await ReadersAsync(request, cancellationToken);
        if (readers.Reader is null) return SearchResult.Empty;
        var searcher = new IndexSearcher(readers.Reader);
        var filtered = new FilteredQuery(query, new QueryWrapperFilter(Filter(request)));

        var wanted = page * request.PageSize;
        ITopDocsCollector top = request.Sort == SearchSort.Date
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.DateSort, SortFieldType.INT64, true)), wanted, false, false, false, false)
            : TopScoreDocCollector.Create(wanted, false);
        var facets = new FacetCounter(SearchFields.TenantFacet, SearchFields.TypeFacet);
        searcher.Search(filtered, MultiCollector.Wrap((ICollector)top, facets));
        var total = top.TotalHits;
        var docs = top.GetTopDocs((page - 1) * request.PageSize, request.PageSize);

        var snippets = new Snippets(request.Query);
        var typeNames = new Dictionary<string, string>();
        var hits = new List<SearchHit>();
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            var doc = searcher.Doc(scoreDoc.Doc);
            var type = doc.Get(SearchFields.Type);
            typeNames[type] = doc.Get(SearchFields.TypeName) ?? type;
            hits.Add(new SearchHit
            {
                Tenant = doc.Get(SearchFields.Tenant),
                Url = doc.Get(SearchFields.Url),
                TitleHtml = snippets.Mark(doc.Get(SearchFields.Title) ?? ""),
                SnippetHtml = snippets.Cut(doc.Get(SearchFields.Body) ?? ""),
                Type = type,
                TypeName = typeNames[type],
                Date = DateTimeOffset.FromUnixTimeMilliseconds(doc.GetField(SearchFields.Date)?.GetInt64Value() ?? 0),
                Draft = doc.Get(SearchFields.Status) == SearchFields.Draft,
            });
        }
        return new SearchResult
        {
            Total = total,
            Page = page,
            PageCount = (int)Math.Min(SearchRequest.MaxPage, (total + request.PageSize - 1) / request.PageSize),
            Hits = hits,
            Tenants = Ordered(facets.CountsOf(SearchFields.TenantFacet)),
            Types = Ordered(facets.CountsOf(SearchFields.TypeFacet)),
            TypeNames = typeNames,
            DidYouMean = DidYouMean(readers.Reader, request.Query),
        };
    }

    /// <summary>
    /// Autocomplete: words of published documents starting with the last word typed, most frequent first.
    /// (Lucene.Net.Suggest is not on the package mirror: this is a prefix scan of the terms dictionary.)
    /// </summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(string? input, IReadOnlyList<Tenants.TenantShell> tenants, int count = 8, CancellationToken cancellationToken = default)
    {
        var text = UserQuery.Parse(input).Text;
        if (text.Length == 0 || char.IsWhiteSpace(input![^1])) return [];
        var cut = text.LastIndexOf(' ') + 1;
        var words = SearchAnalyzers.Terms(SearchAnalyzers.Raw, text[cut..]);
        if (words.Count == 0 || words[^1].Length < 2) return [];
        var prefix = words[^1];
        var head = text[..cut];
        using var readers = await ReadersAsync(new SearchRequest { Query = UserQuery.Parse(null), Tenants = tenants }, cancellationToken);
        if (readers.Reader is null || MultiFields.GetTerms(readers.Reader, SearchFields.Suggest) is not { } terms) return [];
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) return [];
        var candidates = new List<(string Term, int Count)>();
        var scanned = 0;
        do
        {
            var term = termsEnum.Term.Utf8ToString();
            if (!term.StartsWith(prefix, StringComparison.Ordinal)) break;
            candidates.Add((term, termsEnum.DocFreq));
        }
        while (++scanned < SuggestScan && termsEnum.MoveNext());
        return candidates.OrderByDescending(c => c.Count).ThenBy(c => c.Term, StringComparer.Ordinal).Take(count).Select(c => head + c.Term).ToList();
    }

    /// <summary>
    /// Each word no published document has, replaced by the nearest word one has (up to two edits, the most
    /// frequent among the nearest) — FuzzyTermsEnum over the published words, as Lucene's spell checker does.
    /// </summary>
    private static string? DidYouMean(IndexReader reader, UserQuery query)
    {
        if (MultiFields.GetTerms(reader, SearchFields.Suggest) is not { } terms) return null;
        var changed = false;
        var parts = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var term = clause.Terms[0];
            if (clause.Kind != QueryClauseKind.Word || term.Length < 3 || term.Any(char.IsDigit) || Exists(terms, term))
            {
                parts.Add(clause.Kind switch
                {
                    QueryClauseKind.Prefix => term + "*",
                    QueryClauseKind.Exact or QueryClauseKind.Phrase => "\"" + string.Join(' ', clause.Terms) + "\"",
                    _ => term,
                });
                continue;
            }
            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFields.Suggest, term), term.Length >= 6 ? 2f : 1f, 1, true);
            (string Term, int Distance, int Count)? best = null;
            while (fuzzy.MoveNext())
            {
                var candidate = fuzzy.Term.Utf8ToString();
                var distance = Distance.Levenshtein(term, candidate);
                if (best is null || distance < best.Value.Distance || (distance == best.Value.Distance && fuzzy.DocFreq > best.Value.Count))
                    best = (candidate, distance, fuzzy.DocFreq);
            }
            parts.Add(best?.Term ?? term);
            changed |= best is not null;
        }
        return changed ? string.Join(' ', parts) : null;
    }

    private static bool Exists(Terms terms, string term) => terms.GetEnumerator().SeekExact(new BytesRef(term));

    private static Query Filter(SearchRequest request)
    {
        var visible = new BooleanQuery { { new TermQuery(new Term(SearchFields.Status, SearchFields.Published)), Occur.SHOULD } };
        if (request.DraftTenant is not null)
        {
            var drafts = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Status, SearchFields.Draft)), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Tenant, request.DraftTenant)), Occur.MUST },
            };
            if (request.DraftOwner is not null) drafts.Add(new TermQuery(new Term(SearchFields.Owner, request.DraftOwner)), Occur.MUST);
            visible.Add(drafts, Occur.SHOULD);
        }
        var filter = new BooleanQuery { { visible, Occur.MUST } };
        if (request.Type is { Length: > 0 } type) filter.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST);
        return filter;
    }

    private static IReadOnlyList<FacetValue> Ordered(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value)).ToList();

    private async Task<AcquiredReaders> ReadersAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var acquired = new List<(TenantIndex Index, IndexSearcher Searcher)>();
        foreach (var shell in request.Tenants)
        {
            var index = await indexes.ReadyAsync(shell, cancellationToken);
            try { acquired.Add((index, index.Searchers.Acquire())); }
            catch (ObjectDisposedException) { }   // closed meanwhile: the tenant stopped
        }
        return new AcquiredReaders(acquired);
    }

    /// <summary>The readers of one search, released together.</summary>
    private sealed class AcquiredReaders : IDisposable
    {
        private readonly List<(TenantIndex Index, IndexSearcher Searcher)> _acquired;
        private readonly MultiReader? _multi;

        public AcquiredReaders(List<(TenantIndex Index, IndexSearcher Searcher)> acquired)
        {
            _acquired = acquired;
            if (acquired.Count == 1) Reader = acquired[0].Searcher.IndexReader;
            else if (acquired.Count > 1) Reader = _multi = new MultiReader(acquired.Select(a => a.Searcher.IndexReader).ToArray(), closeSubReaders: false);
        }

        public IndexReader? Reader { get; }

        public void Dispose()
        {
            _multi?.Dispose();
            foreach (var (index, searcher) in _acquired)
            {
                try { index.Searchers.Release(searcher); }
                catch (ObjectDisposedException) { }
            }
        }
    }
}
