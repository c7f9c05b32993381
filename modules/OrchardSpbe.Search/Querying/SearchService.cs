using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Runs a search: on a PD site over its own index; on the portal over the portal index (every tenant's published
/// documents), restricted in the query to the tenants running now — so a stopped PD drops out at once. (A first
/// version searched every tenant's index through one MultiReader; at 120 tenants the per-index overhead made a
/// query cost 10–30 ms of CPU, against well under one for the one index — see bench/RESULTS.md.)
/// </summary>
public sealed class SearchService(SearchIndexHost indexes, OrchardSpbe.Operations.SpbeMetrics metrics, ILogger<SearchService> logger)
{
    private const int SuggestScan = 2000;
    private readonly ResultCache<SearchResult> _portalResults = new();
    private readonly ResultCache<IReadOnlySet<(string Tenant, string ItemId)>> _portalMatches = new(256);
    private static readonly int BuildParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Query.IsEmpty || request.Tenants.Count == 0) return SearchResult.Empty;
        metrics.SearchQuery(request.Portal ? "portal" : request.Tenants[0].Name);
        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxPage);
        var t = SearchProfile.Start();
        using var readers = await ReadersAsync(request, cancellationToken);
        if (readers.Reader is null) return SearchResult.Empty;
        t = SearchProfile.Lap(0, t);
        // The portal's results are cached per version of its index (see ResultCache); a PD's are not (drafts, small index).
        var version = request.Portal && readers.Reader is DirectoryReader directory ? directory.Version : -1;
        var cacheKey = version >= 0 ? ResultCache<SearchResult>.KeyOf(request, page) : null;
        if (cacheKey is not null && _portalResults.TryGet(version, cacheKey, out var cached))
        {
            SearchProfile.Lap(6, t);
            SearchProfile.Done(logger, cached: true);
            return cached;
        }
        var near = NearOf(readers.Reader);
        var query = QueryBuilder.Build(request.Query, near);
        if (query is null) return SearchResult.Empty;
        var searcher = new IndexSearcher(readers.Reader);
        t = SearchProfile.Lap(1, t);
        var filter = Filter(request, indexes.Portal.Cursors.Keys);
        var filtered = filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));

        var wanted = page * request.PageSize;
        ITopDocsCollector top = request.Sort == SearchSort.Date
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.DateSort, SortFieldType.INT64, true)), wanted, false, false, false, false)
            : TopScoreDocCollector.Create(wanted, false);
        var facets = new FacetCounter([SearchFields.TenantFacet, SearchFields.TypeFacet, .. request.FacetFields.Select(SearchFields.FacetOf)]);
        searcher.Search(filtered, MultiCollector.Wrap((ICollector)top, facets));
        var total = top.TotalHits;
        var docs = top.GetTopDocs((page - 1) * request.PageSize, request.PageSize);
        t = SearchProfile.Lap(2, t);

        var loaded = docs.ScoreDocs.Select(d => searcher.Doc(d.Doc)).ToList();
        t = SearchProfile.Lap(3, t);
        var snippets = new Snippets(request.Query, near);
        var typeNames = new Dictionary<string, string>();
        var hits = new List<SearchHit>();
        foreach (var doc in loaded)
        {
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
                Fields = doc.Fields.Where(f => f.Name.StartsWith(SearchFields.ModulePrefix, StringComparison.Ordinal) && f.GetStringValue() is not null)
                    .GroupBy(f => f.Name[SearchFields.ModulePrefix.Length..]).ToDictionary(g => g.Key, g => g.First().GetStringValue()),
            });
        }
        var types = Ordered(facets.CountsOf(SearchFields.TypeFacet));
        foreach (var facet in types.Where(f => !typeNames.ContainsKey(f.Value)))
        {
            // The type facet lists types beyond this page's hits; one stored document of each names it as people do.
            var one = searcher.Search(new TermQuery(new Term(SearchFields.Type, facet.Value)), 1);
            typeNames[facet.Value] = one.ScoreDocs.Length > 0 ? searcher.Doc(one.ScoreDocs[0].Doc).Get(SearchFields.TypeName) ?? facet.Value : facet.Value;
        }
        t = SearchProfile.Lap(4, t);
        var didYouMean = DidYouMean(readers.Reader, SuggestField(request.Portal), request.Query, near);
        SearchProfile.Lap(5, t);
        SearchProfile.Done(logger, cached: false);
        var result = new SearchResult
        {
            Total = total,
            Page = page,
            PageCount = (int)Math.Min(SearchRequest.MaxPage, (total + request.PageSize - 1) / request.PageSize),
            Hits = hits,
            Tenants = Ordered(facets.CountsOf(SearchFields.TenantFacet)),
            Types = types,
            TypeNames = typeNames,
            FieldFacets = request.FacetFields.ToDictionary(f => f, f => Ordered(facets.CountsOf(SearchFields.FacetOf(f)))),
            DidYouMean = didYouMean,
        };
        if (cacheKey is not null) _portalResults.Add(version, cacheKey, result);
        return result;
    }

    /// <summary>
    /// Every document the request matches, as (tenant, item id), read from the tenant doc values and the item field's
    /// cache per segment — no scoring order, stored fields or snippets, so a word that matches 10,000 documents costs one
    /// pass rather than 200 pages. The portal's sets are cached per index version, as its result pages are.
    /// </summary>
    public async Task<IReadOnlySet<(string Tenant, string ItemId)>> MatchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Query.IsEmpty || request.Tenants.Count == 0) return new HashSet<(string, string)>();
        using var readers = await ReadersAsync(request, cancellationToken);
        if (readers.Reader is null) return new HashSet<(string, string)>();
        var version = request.Portal && readers.Reader is DirectoryReader directory ? directory.Version : -1;
        var cacheKey = version >= 0 ? ResultCache<SearchResult>.KeyOf(request, 0) : null;
        if (cacheKey is not null && _portalMatches.TryGet(version, cacheKey, out var cached)) return cached;
        var near = NearOf(readers.Reader);
        if (QueryBuilder.Build(request.Query, near) is not { } query) return new HashSet<(string, string)>();
        var filter = Filter(request, indexes.Portal.Cursors.Keys);
        var keys = new KeyCollector();
        new IndexSearcher(readers.Reader).Search(filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter)), keys);
        if (cacheKey is not null) _portalMatches.Add(version, cacheKey, keys.Keys);
        return keys.Keys;
    }

    /// <summary>The indexed words near a query word that is not in the index (for fuzzy matching), memoised per search.</summary>
    private static Func<string, IReadOnlyList<string>> NearOf(IndexReader reader)
    {
        var rawTerms = MultiFields.GetTerms(reader, SearchFields.Raw);
        var nearWords = new Dictionary<string, IReadOnlyList<string>>();
        return term =>
        {
            if (nearWords.TryGetValue(term, out var words)) return words;
            words = rawTerms is null || term.Length < 5 || term.Any(char.IsDigit) || Exists(rawTerms, term) ? [] : NearWords(rawTerms, SearchFields.Raw, term, 3);
            return nearWords[term] = words;
        };
    }

    private sealed class KeyCollector : ICollector
    {
        private readonly BytesRef _scratch = new();
        private SortedDocValues? _tenants;
        private BinaryDocValues? _items;

        public HashSet<(string Tenant, string ItemId)> Keys { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            _tenants = context.AtomicReader.GetSortedDocValues(SearchFields.TenantFacet);
            _items = Lucene.Net.Search.FieldCache.DEFAULT.GetTerms(context.AtomicReader, SearchFields.Item, false);
        }

        public void Collect(int doc)
        {
            if (_tenants is null || _items is null) return;
            _tenants.Get(doc, _scratch);
            var tenant = _scratch.Utf8ToString();
            _items.Get(doc, _scratch);
            Keys.Add((tenant, _scratch.Utf8ToString()));
        }
    }

    /// <summary>
    /// Autocomplete: words of published documents starting with the last word typed, most frequent first.
    /// (Lucene.Net.Suggest is not on the package mirror: this is a prefix scan of the terms dictionary.)
    /// </summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(string? input, IReadOnlyList<Tenants.TenantShell> tenants, bool portal, int count = 8, CancellationToken cancellationToken = default)
    {
        var text = UserQuery.Parse(input).Text;
        if (text.Length == 0 || char.IsWhiteSpace(input![^1])) return [];
        var cut = text.LastIndexOf(' ') + 1;
        var words = SearchAnalyzers.Terms(SearchAnalyzers.Raw, text[cut..]);
        if (words.Count == 0 || words[^1].Length < 2) return [];
        var prefix = words[^1];
        var head = text[..cut];
        using var readers = await ReadersAsync(new SearchRequest { Query = UserQuery.Parse(null), Tenants = tenants, Portal = portal }, cancellationToken);
        if (readers.Reader is null || MultiFields.GetTerms(readers.Reader, SuggestField(portal)) is not { } terms) return [];
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
    /// Each word no published document has, replaced by the nearest word one has (the near words searched, else
    /// one edit away) — as Lucene's spell checker does, which is not on the package mirror.
    /// </summary>
    private static string? DidYouMean(IndexReader reader, string suggestField, UserQuery query, Func<string, IReadOnlyList<string>> near)
    {
        if (MultiFields.GetTerms(reader, suggestField) is not { } published) return null;
        var changed = false;
        var parts = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var term = clause.Terms[0];
            if (clause.Kind != QueryClauseKind.Word || term.Length < 3 || term.Any(char.IsDigit) || Exists(published, term))
            {
                parts.Add(clause.Kind switch
                {
                    QueryClauseKind.Prefix => term + "*",
                    QueryClauseKind.Exact or QueryClauseKind.Phrase => "\"" + string.Join(' ', clause.Terms) + "\"",
                    _ => term,
                });
                continue;
            }
            var candidates = term.Length >= 5 ? near(term) : NearWords(published, suggestField, term, 3);
            var best = candidates.FirstOrDefault(c => Exists(published, c));
            parts.Add(best ?? term);
            changed |= best is not null;
        }
        return changed ? string.Join(' ', parts) : null;
    }

    /// <summary>
    /// The indexed words nearest to <paramref name="term"/> (one edit, two from 10 letters — a two-edit automaton
    /// costs tens of milliseconds to build; same first letter),
    /// nearest and most frequent first: one FuzzyTermsEnum over the merged terms of every reader.
    /// </summary>
    private static IReadOnlyList<string> NearWords(Terms terms, string field, string term, int count)
    {
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, term), term.Length >= 10 ? 2f : 1f, 1, true);
        var found = new List<(string Term, int Distance, int Count)>();
        while (found.Count < 200 && fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (candidate != term) found.Add((candidate, Distance.Levenshtein(term, candidate), fuzzy.DocFreq));
        }
        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Count).Take(count).Select(f => f.Term).ToList();
    }

    /// <summary>Words of published documents only: the portal index holds nothing else, a tenant's keeps them apart from drafts.</summary>
    private static string SuggestField(bool portal) => portal ? SearchFields.Raw : SearchFields.Suggest;

    private static bool Exists(Terms terms, string term) => terms.GetEnumerator().SeekExact(new BytesRef(term));

    /// <summary>
    /// What the reader may see and chose, as a filter; null when that is everything: the portal index holds published
    /// documents only, so with every PD running and no type chosen there is nothing to filter — and an unfiltered
    /// query lets Lucene score a broad word in its fast bulk path instead of leap-frogging a 65,000-document filter.
    /// </summary>
    private static Query? Filter(SearchRequest request, ICollection<string> inPortal)
    {
        var filter = new BooleanQuery();
        if (!request.Portal) filter.Add(Visible(request), Occur.MUST);
        else
        {
            // Only tenants searched now: leave out the few that are not (stopped, filtered out), or name the few that are.
            var searched = request.Tenants.Select(t => t.Name).ToHashSet();
            var others = inPortal.Where(t => !searched.Contains(t)).ToList();
            if (others.Count <= searched.Count)
                foreach (var other in others) filter.Add(new TermQuery(new Term(SearchFields.Tenant, other)), Occur.MUST_NOT);
            else
            {
                var any = new BooleanQuery();
                foreach (var name in searched) any.Add(new TermQuery(new Term(SearchFields.Tenant, name)), Occur.SHOULD);
                filter.Add(any, Occur.MUST);
            }
        }
        if (request.Type is { Length: > 0 } type) filter.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST);
        foreach (var (field, value) in request.Fields)
            filter.Add(new TermQuery(new Term(SearchFields.ModulePrefix + field, value)), Occur.MUST);
        if (filter.Clauses.Count == 0) return null;
        // MUST_NOT clauses alone match nothing: they need something to subtract from.
        if (filter.Clauses.All(c => c.Occur == Occur.MUST_NOT)) filter.Add(new MatchAllDocsQuery(), Occur.MUST);
        return filter;
    }

    /// <summary>Published documents, and the drafts this reader may edit (a tenant's own index only).</summary>
    private static Query Visible(SearchRequest request)
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
        return visible;
    }

    private static IReadOnlyList<FacetValue> Ordered(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value)).ToList();

    private async Task<AcquiredReaders> ReadersAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Portal)
        {
            // Every tenant's catch-up has run once since start (the portal's copy is as fresh as their own). After
            // start-up none is pending, however many indexes the idle release closed since; at start-up (empty
            // folders: every index rebuilt) two run at once, one per core — the build is analysis, CPU-bound, and one
            // at a time left a core idle.
            var pending = request.Tenants.Where(shell => !indexes.HasCaughtUp(shell.Name)).ToList();
            if (pending.Count > 0)
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = BuildParallelism, CancellationToken = cancellationToken },
                async (shell, token) =>
                {
                    try { await indexes.ReadyAsync(shell, token); }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        logger.LogError(exception, "The search index of {ChangedTenant} could not catch up", shell.Name);
                    }
                });
            // Catch-ups do not reopen the portal's searcher (120 rebuilds at start would reopen it 120 times): the next search
            // does. Without waiting: while one search reopens it, the others read the current one — blocking here held a
            // thread-pool thread per concurrent search, and under load the pool starved (tails of a second).
            indexes.Portal.Searchers.MaybeRefresh();
            return new AcquiredReaders(indexes.Portal.Searchers);
        }
        var acquired = new List<(TenantIndex Index, IndexSearcher Searcher)>();
        foreach (var shell in request.Tenants)
        {
            try
            {
                var index = await indexes.ReadyAsync(shell, cancellationToken);
                acquired.Add((index, index.Searchers.Acquire()));
            }
            catch (ObjectDisposedException) { }   // closed meanwhile: the tenant stopped
            catch (Exception exception) when (exception is not OperationCanceledException && request.Tenants.Count > 1)
            {
                // One PD whose index cannot be read (its store is down) must not take the portal's search down.
                logger.LogError(exception, "Search skipped the index of {ChangedTenant}", shell.Name);
            }
        }
        return new AcquiredReaders(acquired);
    }

    /// <summary>The readers of one search, released together.</summary>
    private sealed class AcquiredReaders : IDisposable
    {
        private readonly List<(TenantIndex Index, IndexSearcher Searcher)> _acquired = [];
        private readonly MultiReader? _multi;
        private readonly SearcherManager? _portal;
        private readonly IndexSearcher? _portalSearcher;

        public AcquiredReaders(SearcherManager portal)
        {
            _portal = portal;
            _portalSearcher = portal.Acquire();
            Reader = _portalSearcher.IndexReader;
        }

        public AcquiredReaders(List<(TenantIndex Index, IndexSearcher Searcher)> acquired)
        {
            _acquired = acquired;
            if (acquired.Count == 1) Reader = acquired[0].Searcher.IndexReader;
            else if (acquired.Count > 1) Reader = _multi = new MultiReader(acquired.Select(a => a.Searcher.IndexReader).ToArray(), closeSubReaders: false);
        }

        public IndexReader? Reader { get; }

        public void Dispose()
        {
            if (_portalSearcher is not null)
            {
                try { _portal!.Release(_portalSearcher); }
                catch (ObjectDisposedException) { }
            }
            _multi?.Dispose();
            foreach (var (index, searcher) in _acquired)
            {
                try { index.Searchers.Release(searcher); }
                catch (ObjectDisposedException) { }
            }
        }
    }
}
