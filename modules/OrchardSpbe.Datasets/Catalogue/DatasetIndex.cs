using System.Collections.Concurrent;
using OrchardSpbe.Datasets.Datasets;

namespace OrchardSpbe.Datasets.Catalogue;

/// <summary>
/// A list of public datasets with, per facet field, the positions of the datasets holding each value (compared as
/// <see cref="TermFilter"/> compares: ordinal, ignoring case) and each dataset's position by PD and id. Built once per
/// version of the city's list (<see cref="CityCatalogCache"/>), so package_search narrows 10,000 datasets to the few its
/// <c>fq</c> terms and <c>q</c> hits name, and evaluates the full filter on those only — the answer is the same as
/// evaluating it on every dataset, in the same order. The unfiltered facet counts are kept too.
/// </summary>
public sealed class DatasetIndex
{
    private readonly Dictionary<(string Organization, string Id), int> _positions;
    private readonly Dictionary<string, Dictionary<string, int[]>> _terms;
    // Per facet field, the values as the facets count them (case-sensitive, each dataset's values distinct ignoring
    // case) and each dataset's values as ids into that list: a facet is counted over the found datasets alone.
    private readonly Dictionary<string, (string[] Values, int[][] IdsOf)> _facetValues;
    private readonly ConcurrentDictionary<string, int[]> _ranks = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlySet<(string Tenant, string ItemId)>, int[]> _hits = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Value, int Count)>> _allCounts = new(StringComparer.Ordinal);

    public DatasetIndex(IReadOnlyList<DatasetRecord> datasets)
    {
        Datasets = datasets;
        _positions = new Dictionary<(string, string), int>(datasets.Count);
        for (var i = 0; i < datasets.Count; i++) _positions.TryAdd((datasets[i].Organization, datasets[i].Id), i);
        _facetValues = CatalogueQuery.FacetNames.ToDictionary(field => field, field =>
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var idsOf = new int[datasets.Count][];
            for (var i = 0; i < datasets.Count; i++)
                idsOf[i] = CatalogueQuery.ValuesOf(datasets[i], field).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(value => ids.TryGetValue(value, out var id) ? id : ids[value] = ids.Count).ToArray();
            var values = new string[ids.Count];
            foreach (var (value, id) in ids) values[id] = value;
            return (values, idsOf);
        }, StringComparer.Ordinal);
        _terms = CatalogueQuery.FacetNames.ToDictionary(field => field, field =>
        {
            var map = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < datasets.Count; i++)
                foreach (var value in CatalogueQuery.ValuesOf(datasets[i], field).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!map.TryGetValue(value, out var positions)) map[value] = positions = [];
                    positions.Add(i);
                }
            return map.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        }, StringComparer.Ordinal);
    }

    public IReadOnlyList<DatasetRecord> Datasets { get; }

    public int? PositionOf(string organization, string datasetId) => _positions.TryGetValue((organization, datasetId), out var i) ? i : null;

    /// <summary>Ascending positions of the datasets whose <paramref name="field"/> holds <paramref name="value"/>; null for a field not indexed.</summary>
    public int[]? With(string field, string value) =>
        _terms.TryGetValue(field, out var map) ? map.TryGetValue(value, out var positions) ? positions : [] : null;

    /// <summary>Ascending positions of the datasets among search hits (kept per hit set: the search caches its sets per index version).</summary>
    public int[] PositionsOf(IReadOnlySet<(string Tenant, string ItemId)> hits, string itemPrefix) =>
        _hits.GetValue(hits, set => set.Where(h => h.ItemId.StartsWith(itemPrefix, StringComparison.Ordinal))
            .Select(h => PositionOf(h.Tenant, h.ItemId[itemPrefix.Length..])).OfType<int>().Order().ToArray());

    /// <summary>
    /// A facet's counts over the datasets at <paramref name="found"/> (positions), as <see cref="CatalogueQuery.Counts"/>
    /// counts them, most first; null for a field not indexed. One pass over the found datasets' value ids.
    /// </summary>
    public IReadOnlyList<(string Value, int Count)>? CountsOf(string field, IReadOnlyList<int> found)
    {
        if (!_facetValues.TryGetValue(field, out var facet)) return null;
        var counts = new int[facet.Values.Length];
        foreach (var position in found)
            foreach (var id in facet.IdsOf[position]) counts[id]++;
        var result = new List<(string Value, int Count)>();
        for (var id = 0; id < counts.Length; id++)
            if (counts[id] > 0) result.Add((facet.Values[id], counts[id]));
        result.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return result;
    }

    /// <summary>
    /// The positions of one page of <paramref name="found"/> in the order asked (CKAN's sort fields; <c>score</c> is
    /// not a field here), then by PD and name. The order of every dataset is kept per sort asked, so a request only
    /// picks the first <c>start + rows</c> of its found datasets by their place in it.
    /// </summary>
    public List<int> Page(IReadOnlyList<int> found, IReadOnlyList<(string Field, bool Descending)> sort, int start, int rows)
    {
        var (order, placeOf) = OrderOf(sort.Where(s => s.Field != "score").ToList());
        var wanted = (int)Math.Min(found.Count, (long)start + rows);
        if (wanted <= start) return [];
        if (found.Count == Datasets.Count) return order.Skip(start).Take(rows).ToList();
        // The wanted first places, kept in a heap whose top is the last of them.
        var kept = new PriorityQueue<int, int>(wanted, Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var position in found)
        {
            var place = placeOf[position];
            if (kept.Count < wanted) kept.Enqueue(position, place);
            else if (kept.TryPeek(out _, out var last) && place < last) kept.EnqueueDequeue(position, place);
        }
        return kept.UnorderedItems.OrderBy(e => e.Priority).Skip(start).Select(e => e.Element).ToList();
    }

    private readonly ConcurrentDictionary<string, (int[] Order, int[] PlaceOf)> _orders = new(StringComparer.Ordinal);

    /// <summary>Every dataset's position in a sort's order and its place there; kept for the few sorts clients ask.</summary>
    private (int[] Order, int[] PlaceOf) OrderOf(IReadOnlyList<(string Field, bool Descending)> sort)
    {
        var key = string.Join(",", sort.Select(s => s.Field + (s.Descending ? " desc" : "")));
        if (_orders.TryGetValue(key, out var kept)) return kept;
        var keys = sort.Select(s => (Rank: RankOf(s.Field), s.Descending)).Append((Rank: RankOf(TieBreak), Descending: false)).ToList();
        var order = Enumerable.Range(0, Datasets.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            foreach (var (rank, descending) in keys)
                if (rank[a].CompareTo(rank[b]) is var compared and not 0) return descending ? -compared : compared;
            return a.CompareTo(b);
        });
        var placeOf = new int[order.Length];
        for (var i = 0; i < order.Length; i++) placeOf[order[i]] = i;
        // A client may write many sorts; only the first few are kept (each costs two integers per dataset).
        if (_orders.Count < 16) _orders.TryAdd(key, (order, placeOf));
        return (order, placeOf);
    }

    private const string TieBreak = "organization,name";

    /// <summary>Each dataset's rank by a sort field, equal values sharing one (so a later field decides between them).</summary>
    private int[] RankOf(string field) => _ranks.GetOrAdd(field, f =>
    {
        Comparison<DatasetRecord> compare = f switch
        {
            "name" => (a, b) => StringComparer.InvariantCulture.Compare(a.Name, b.Name),
            "title" => (a, b) => StringComparer.InvariantCulture.Compare(a.Title, b.Title),
            "metadata_created" => (a, b) => a.CreatedUtc.CompareTo(b.CreatedUtc),
            TieBreak => (a, b) => StringComparer.InvariantCulture.Compare(a.Organization, b.Organization) is var byPd and not 0
                ? byPd : StringComparer.InvariantCulture.Compare(a.Name, b.Name),
            _ => (a, b) => a.ModifiedUtc.CompareTo(b.ModifiedUtc),
        };
        var order = Enumerable.Range(0, Datasets.Count).ToArray();
        Array.Sort(order, (a, b) => compare(Datasets[a], Datasets[b]));
        var rank = new int[Datasets.Count];
        for (var i = 1; i < order.Length; i++)
            rank[order[i]] = compare(Datasets[order[i - 1]], Datasets[order[i]]) == 0 ? rank[order[i - 1]] : i;
        return rank;
    });

    /// <summary>A facet's counts over every dataset (computed once per list).</summary>
    public IReadOnlyList<(string Value, int Count)> CountsOfAll(string field) =>
        _allCounts.GetOrAdd(field, f => CatalogueQuery.Counts(Datasets, f));

    /// <summary>The terms a filter cannot match without (every plain <c>field:value</c> under AND), which narrow the candidates.</summary>
    public static IEnumerable<TermFilter> Required(DatasetFilter filter) => filter switch
    {
        TermFilter { Value: not "*" } term => [term],
        AllOf all => all.Parts.SelectMany(Required),
        _ => [],
    };

    /// <summary>Whether a filter is nothing but indexed plain terms under AND: the positions of its required terms then meet it whole.</summary>
    public bool CoversWhole(DatasetFilter filter) => filter switch
    {
        TermFilter { Value: not "*" } term => _terms.ContainsKey(term.Field),
        AllOf all => all.Parts.All(CoversWhole),
        _ => false,
    };

    /// <summary>Both ascending lists' common positions.</summary>
    public static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(Math.Min(a.Length, b.Length));
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j]) { result.Add(a[i]); i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return result.ToArray();
    }
}
