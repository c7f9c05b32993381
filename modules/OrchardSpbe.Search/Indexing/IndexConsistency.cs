using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// Compares this node's index of the tenant with what the database says it should hold, item by item
/// (documents per item: the published version and a newer draft), and repairs the differences by re-reading
/// those items: missing ones are added, extra ones (deleted in the database) removed.
/// </summary>
public sealed class IndexConsistency(SearchIndexHost indexes, TenantContext tenant, IServiceProvider services)
{
    public async Task<ConsistencyReport> CheckAsync(bool repair, CancellationToken cancellationToken = default)
    {
        await indexes.CatchUpAsync(services, cancellationToken);
        var shell = tenant.Shell;
        var expected = new Dictionary<string, int>();
        foreach (var source in services.GetServices<ISearchDocumentSource>().Where(s => s.FeatureId is null || shell.IsFeatureEnabled(s.FeatureId)))
            foreach (var (id, count) in await source.ListAsync(services, cancellationToken)) expected[id] = count;
        var actual = CountInIndex(indexes.Open(tenant.Name));
        var differing = expected.Keys.Union(actual.Keys)
            .Where(id => expected.GetValueOrDefault(id) != actual.GetValueOrDefault(id)).ToList();
        var report = new ConsistencyReport(
            DatabaseDocuments: expected.Values.Sum(),
            IndexDocuments: actual.Values.Sum(),
            Missing: differing.Count(id => expected.GetValueOrDefault(id) > actual.GetValueOrDefault(id)),
            Extra: differing.Count(id => expected.GetValueOrDefault(id) < actual.GetValueOrDefault(id)),
            Repaired: false);
        if (!repair || differing.Count == 0) return report;
        await indexes.ReindexAsync(services, differing, cancellationToken);
        return report with { Repaired = true };
    }

    /// <summary>Live documents per item id.</summary>
    private static Dictionary<string, int> CountInIndex(TenantIndex index)
    {
        var counts = new Dictionary<string, int>();
        index.Searchers.MaybeRefreshBlocking();
        var searcher = index.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            if (MultiFields.GetTerms(reader, SearchFields.Item) is not { } terms) return counts;
            var live = MultiFields.GetLiveDocs(reader);
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
                var n = 0;
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) n++;
                if (n > 0) counts[termsEnum.Term.Utf8ToString()] = n;
            }
        }
        finally { index.Searchers.Release(searcher); }
        return counts;
    }
}

public sealed record ConsistencyReport(int DatabaseDocuments, int IndexDocuments, int Missing, int Extra, bool Repaired)
{
    public bool Consistent => Missing == 0 && Extra == 0;
}
