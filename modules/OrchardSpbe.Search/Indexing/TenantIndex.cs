using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// One tenant's index on this node: a writer kept open (this node's folder is its own, so no other process
/// ever needs the lock), a near-real-time searcher, and the cursor — the last change-log entry applied. The
/// cursor is written into each Lucene commit's user data, so the files on disk always say how far they got;
/// a folder without it (new, emptied, deleted) is rebuilt from the database. The commit also records the analysis
/// version the documents were written with: an index of another version is still searched, and rebuilt in the
/// background (<see cref="SearchIndexHost"/>).
/// </summary>
public sealed class TenantIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private const string AppliedKey = "applied_utc";
    private const string AnalysisKey = "analysis";
    private const string StoreKey = "store";
    private readonly FSDirectory _directory;
    private readonly object _readyLock = new();
    private Task? _ready;

    public TenantIndex(string tenant, string folder)
    {
        Tenant = tenant;
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(folder);
        Writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
        });
        var data = Writer.CommitData;
        if (data is not null && data.TryGetValue(CursorKey, out var cursor) && long.TryParse(cursor, out var value))
        {
            Cursor = value;
            HasCursor = true;
        }
        // Indexes written before the analysis was versioned have none: Lucene's stock Indonesian analyzer.
        AnalysisVersion = data is not null && data.TryGetValue(AnalysisKey, out var analysis) ? analysis : null;
        StoreLocation = data is not null && data.TryGetValue(StoreKey, out var store) && store.Length > 0 ? store : null;
        if (data is not null && data.TryGetValue(AppliedKey, out var applied) && long.TryParse(applied, out var ms))
            LastAppliedUtc = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Tenant { get; }
    public string Folder { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }

    /// <summary>One catch-up or rebuild at a time per index.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The last change-log entry applied (in memory; on disk as of the last commit).</summary>
    public long Cursor { get; set; }

    /// <summary>False when the folder holds no cursor: the index must be rebuilt from the database.</summary>
    public bool HasCursor { get; set; }

    /// <summary>Log numbers skipped while reading (taken by a transaction that had not committed yet), with when.</summary>
    public Dictionary<long, DateTimeOffset> Gaps { get; } = [];

    /// <summary>The analysis its documents were written with (<see cref="SearchAnalyzers.AnalysisVersion"/>); null: unknown.</summary>
    public string? AnalysisVersion { get; set; }

    /// <summary>It answers, but with another analysis than the current one: to be rebuilt in the background.</summary>
    public bool IsStale => HasCursor && AnalysisVersion != SearchAnalyzers.AnalysisVersion;

    public DateTimeOffset? LastAppliedUtc { get; set; }

    /// <summary>
    /// The tenant store the documents were read from. A restore points the tenant at a new store whose change log
    /// starts elsewhere: an index of another store is rebuilt, not caught up (null: written before this was kept).
    /// </summary>
    public string? StoreLocation { get; set; }

    /// <summary>Changes of the log not yet in this node's index when its last catch-up began (the operators' index lag).</summary>
    public long PendingAtLastCatchUp { get; set; }
    public bool Dirty { get; set; }
    public bool Disposed { get; private set; }

    /// <summary>When the index was last asked for (Environment.TickCount64): an idle one is closed to free its memory.</summary>
    public long LastUsed { get; set; } = Environment.TickCount64;

    /// <summary>The first catch-up has completed.</summary>
    public bool IsReady => _ready is { IsCompletedSuccessfully: true };

    /// <summary>Runs <paramref name="first"/> once (again if it failed): the first catch-up, before the first query.</summary>
    public Task EnsureReadyAsync(Func<Task> first)
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled) _ready = first();
            return _ready;
        }
    }

    /// <summary>Makes what was applied durable, with the cursor it reached.</summary>
    public void Commit()
    {
        if (!Dirty || Disposed) return;
        Writer.SetCommitData(new Dictionary<string, string>
        {
            [CursorKey] = Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AnalysisKey] = AnalysisVersion ?? "",
            [StoreKey] = StoreLocation ?? "",
            [AppliedKey] = (LastAppliedUtc ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Writer.Commit();
        Dirty = false;
    }

    public long SizeOnDisk()
    {
        try { return new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length); }
        catch (IOException) { return 0; }
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
            Gate.Dispose();
        }
    }
}
