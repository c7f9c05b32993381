using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// The city portal's cross-PD index on this node: the published documents of every tenant, written beside each
/// tenant's own index by the same catch-up. One index instead of a search over 120 (a MultiReader over every
/// tenant's index cost 10–30 ms of CPU a query in the benchmark; this one well under one).
/// Its commit data holds, per tenant, the tenant cursor its documents correspond to; a tenant whose own index
/// says otherwise (a crash between the two commits, a deleted folder) is rebuilt into both; so is one whose copy here
/// was written with another analysis version than the tenant's own index.
/// </summary>
public sealed class PortalIndex : IDisposable
{
    private const string CursorPrefix = "cursor:";
    private const string AnalysisPrefix = "analysis:";
    private readonly FSDirectory _directory;
    private readonly object _commitLock = new();

    public PortalIndex(string folder)
    {
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(folder);
        Writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Every PD's published documents pass through this one writer (67,000 at 120 PDs): a bigger buffer than the
            // default 16 MB flushes fewer, larger segments at a rebuild, so less merging (and fewer segments to search).
            RAMBufferSizeMB = 64,
        });
        foreach (var (key, value) in Writer.CommitData ?? new Dictionary<string, string>())
            if (key.StartsWith(CursorPrefix, StringComparison.Ordinal) && long.TryParse(value, CultureInfo.InvariantCulture, out var cursor))
                Cursors[key[CursorPrefix.Length..]] = cursor;
            else if (key.StartsWith(AnalysisPrefix, StringComparison.Ordinal))
                Analyses[key[AnalysisPrefix.Length..]] = value;
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }

    /// <summary>Tenant → the tenant cursor the portal's copy of its documents reflects.</summary>
    public ConcurrentDictionary<string, long> Cursors { get; } = new();

    /// <summary>Tenant → the analysis version its documents here were written with.</summary>
    public ConcurrentDictionary<string, string> Analyses { get; } = new();

    public bool Disposed { get; private set; }

    public void DeleteTenant(string tenant)
    {
        Writer.DeleteDocuments(new Term(SearchFields.Tenant, tenant));
        Cursors.TryRemove(tenant, out _);
        Analyses.TryRemove(tenant, out _);
    }

    private DateTimeOffset _lastCommit;

    /// <summary>Commits unless it did recently: 120 tenants rebuilding at start-up need not mean 120 commits.</summary>
    public void CommitAtMostEvery(TimeSpan interval)
    {
        if (DateTimeOffset.UtcNow - _lastCommit < interval) return;
        Commit();
    }

    public void Commit()
    {
        lock (_commitLock)
        {
            if (Disposed) return;
            _lastCommit = DateTimeOffset.UtcNow;
            var data = Cursors.ToDictionary(c => CursorPrefix + c.Key, c => c.Value.ToString(CultureInfo.InvariantCulture));
            foreach (var (tenant, analysis) in Analyses) data[AnalysisPrefix + tenant] = analysis;
            Writer.SetCommitData(data);
            Writer.Commit();
        }
    }

    public void Dispose()
    {
        if (Disposed) return;
        try { Commit(); }
        finally
        {
            Disposed = true;
            Searchers.Dispose();
            Writer.Dispose();
            _directory.Dispose();
        }
    }
}
