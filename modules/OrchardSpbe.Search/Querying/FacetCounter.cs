using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Counts the matching documents per value of keyword doc-values fields, alongside the top-hits collector.
/// (Lucene.Net.Facet is not on the package mirror; for a handful of fields this is all it would do here.)
/// Counts per ordinal within a segment, turned into values when the segment ends.
/// </summary>
public sealed class FacetCounter(params IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>()).ToArray();
    private readonly SortedDocValues?[] _values = new SortedDocValues?[fields.Count];
    private readonly int[]?[] _ordinals = new int[]?[fields.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedDocValues(fields[i]);
            _ordinals[i] = _values[i] is { } values ? new int[values.ValueCount] : null;
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < fields.Count; i++)
            if (_values[i] is { } values && values.GetOrd(doc) is var ord and >= 0) _ordinals[i]![ord]++;
    }

    /// <summary>Value → count for one field, after the search.</summary>
    public IReadOnlyDictionary<string, int> CountsOf(string field)
    {
        Flush();
        return _counts[fields.ToList().IndexOf(field)];
    }

    private void Flush()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < fields.Count; i++)
        {
            if (_values[i] is not { } values || _ordinals[i] is not { } ordinals) continue;
            for (var ord = 0; ord < ordinals.Length; ord++)
            {
                if (ordinals[ord] == 0) continue;
                values.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                _counts[i][key] = _counts[i].GetValueOrDefault(key) + ordinals[ord];
            }
            _ordinals[i] = null;
        }
    }
}
