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
    // The same positions keyed as the facets count values (case-sensitive, each dataset's values distinct ignoring case).
    private readonly Dictionary<string, (string Value, int[] Positions)[]> _facetValues;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlySet<(string Tenant, string ItemId)>, int[]> _hits = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Value, int Count)>> _allCounts = new(StringComparer.Ordinal);

    public DatasetIndex(IReadOnlyList<DatasetRecord> datasets)
    {
        Datasets = datasets;
        _positions = new Dictionary<(string, string), int>(datasets.Count);
        for (var i = 0; i < datasets.Count; i++) _positions.TryAdd((datasets[i].Organization, datasets[i].Id), i);
        _facetValues = CatalogueQuery.FacetNames.ToDictionary(field => field, field =>
        {
            var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < datasets.Count; i++)
                foreach (var value in CatalogueQuery.ValuesOf(datasets[i], field).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!map.TryGetValue(value, out var positions)) map[value] = positions = [];
                    positions.Add(i);
                }
            return map.Select(e => (e.Key, e.Value.ToArray())).ToArray();
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
    /// A facet's counts over the datasets marked in <paramref name="member"/> (by position), as <see cref="CatalogueQuery.Counts"/>
    /// counts them; null for a field not indexed.
    /// </summary>
    public IReadOnlyList<(string Value, int Count)>? CountsOf(string field, bool[] member)
    {
        if (!_facetValues.TryGetValue(field, out var values)) return null;
        var counts = new List<(string Value, int Count)>();
        foreach (var (value, positions) in values)
        {
            var count = 0;
            foreach (var position in positions) if (member[position]) count++;
            if (count > 0) counts.Add((value, count));
        }
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
    }

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
