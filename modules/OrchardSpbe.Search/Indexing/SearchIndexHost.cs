using System.Collections.Concurrent;
using Lucene.Net.Index;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Indexing;

/// <summary>
/// This node's search indexes, one per tenant with the Search feature, kept in step with each tenant's change log:
/// right after a local commit, when another node signals a change, and on a background tick (which also commits
/// to disk). Applying is idempotent — an item is re-read from the database and its documents replaced — so
/// replaying from an older cursor after a crash is harmless.
/// </summary>
public sealed class SearchIndexHost(
    IOptions<SearchOptions> options,
    AppDataFolder appData,
    TenantScopeFactory scopes,
    Stemming.CityRoots cityRoots,
    TenantRegistry registry,
    Background.DueWork due,
    ILogger<SearchIndexHost> logger) : IDisposable, Hosting.ITenantIdleRelease
{
    private const int BatchSize = 500;
    // The analysis the portal's last tick saw: when the city's roots change it, every tenant's index is due for a rebuild.
    private string? _analysisSeen;
    private readonly ConcurrentDictionary<string, Lazy<TenantIndex>> _indexes = new();
    private readonly ConcurrentDictionary<string, byte> _caughtUp = new();
    private readonly Lazy<PortalIndex> _portal = new(() => new PortalIndex(options.Value.IndexRoot is { Length: > 0 } root
        ? Path.GetFullPath(Path.Combine(root, "_portal"))
        : appData.Combine("search", Environment.MachineName, "portal")));

    /// <summary>Every tenant's published documents in one index: what the city portal searches.</summary>
    public PortalIndex Portal => _portal.Value;

    /// <summary>The tenant indexes this node has open (for the operators' metrics).</summary>
    public IEnumerable<TenantIndex> OpenIndexes() =>
        _indexes.Values.Where(l => l.IsValueCreated && !l.Value.Disposed).Select(l => l.Value);

    public string FolderOf(string tenant) => options.Value.IndexRoot is { Length: > 0 } root
        ? Path.GetFullPath(Path.Combine(root, tenant, "site"))
        : appData.Combine("Sites", tenant, "search", Environment.MachineName, "site");

    /// <summary>The tenant's index, opened (not caught up) on first use.</summary>
    public TenantIndex Open(string tenant)
    {
        var lazy = _indexes.GetOrAdd(tenant, name => new Lazy<TenantIndex>(() =>
        {
            var opened = new TenantIndex(name, FolderOf(name));
            // The portal's copy must reflect the same point of the log, or both are built again.
            if (opened.HasCursor && (!Portal.Cursors.TryGetValue(name, out var portalCursor) || portalCursor != opened.Cursor)) opened.HasCursor = false;
            // A portal copy written with another analysis than the tenant's index: both are rebuilt (in the background).
            if (opened.HasCursor && Portal.Analyses.GetValueOrDefault(name) != opened.AnalysisVersion) opened.AnalysisVersion = null;
            // To be rebuilt (or built): the background does it now, not when the schedule's sweep next passes.
            if (!opened.HasCursor || opened.IsStale || opened.AnalysisVersion is null) WakeIndexTask(name);
            return opened;
        }));
        var index = lazy.Value;
        index.LastUsed = Environment.TickCount64;
        if (!index.Disposed) return index;
        _indexes.TryRemove(new KeyValuePair<string, Lazy<TenantIndex>>(tenant, lazy));
        return Open(tenant);
    }

    public TenantIndex? Find(string tenant) =>
        _indexes.TryGetValue(tenant, out var lazy) && lazy.IsValueCreated && !lazy.Value.Disposed ? lazy.Value : null;

    /// <summary>The tenant's index, caught up at least once since it was opened (rebuilt if its folder was empty).</summary>
    public async Task<TenantIndex> ReadyAsync(TenantShell shell, CancellationToken cancellationToken = default)
    {
        var index = Open(shell.Name);
        await index.EnsureReadyAsync(async () =>
        {
            await using var scope = scopes.CreateScope(shell);
            await CatchUpAsync(scope.ServiceProvider, CancellationToken.None);
        }).WaitAsync(cancellationToken);
        _caughtUp.TryAdd(shell.Name, 0);
        return index;
    }

    /// <summary>
    /// Whether the tenant's index has caught up once since this node started: from then on the portal's copy of its
    /// documents is as fresh as the tenant's own (later changes reach it through the change log, and another node's
    /// through the change signal and the schedule), so the portal's searches need not open an index the idle release
    /// closed. (They did: with 120 PDs and 32 kept open, every portal search after each release reopened and caught up
    /// the other 88 — a stall every five seconds, and readers built and dropped all day.)
    /// </summary>
    public bool HasCaughtUp(string tenant) => _caughtUp.ContainsKey(tenant);

    /// <summary>
    /// Issue 17: closes the indexes of tenants nobody searched or changed lately (an open Lucene reader and writer hold
    /// a few hundred KB each); the next search or change opens it again from its folder. Only an index with nothing to
    /// commit and no late commits to watch for, and not while it is in use.
    /// </summary>
    public int ReleaseIdle(TimeSpan idle, int keepOpen)
    {
        var now = Environment.TickCount64;
        var open = OpenIndexes().OrderByDescending(i => i.LastUsed).ToList();
        var released = 0;
        for (var i = 0; i < open.Count; i++)
        {
            var index = open[i];
            if (i < keepOpen && now - index.LastUsed < idle.TotalMilliseconds) continue;
            if (index.Dirty || index.Gaps.Count > 0 || index.Gate.CurrentCount == 0) continue;
            Close(index.Tenant, deleteFiles: false, idle: true);
            released++;
        }
        return released;
    }

    /// <summary>Closes a tenant's index (tenant stopped, feature disabled, or <paramref name="idle"/>: released unused); deletes its files when the tenant is gone.</summary>
    public void Close(string tenant, bool deleteFiles, bool idle = false)
    {
        // Stopped, removed or its search turned off: when it runs again its index catches up before the portal counts on it.
        if (!idle) _caughtUp.TryRemove(tenant, out _);
        if (_indexes.TryRemove(tenant, out var lazy) && lazy.IsValueCreated)
        {
            var index = lazy.Value;
            index.Gate.Wait();
            try
            {
                index.Dispose();
                if (_portal.IsValueCreated && !Portal.Disposed) Portal.Commit();
            }
            catch (Exception exception) { logger.LogWarning(exception, "Closing the search index of {ChangedTenant} failed", tenant); }
        }
        if (deleteFiles)
        {
            Portal.DeleteTenant(tenant);
            try { if (Directory.Exists(FolderOf(tenant))) Directory.Delete(FolderOf(tenant), recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>Applies the change log from the index's cursor (rebuilding first when the index has none). In a scope of the tenant.</summary>
    public async Task CatchUpAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>();
        // A tenant being set up (its recipe's content just committed) has a shell without features yet: its
        // running shell builds the index on the first search or tick, with every source it enables.
        if (!tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return;
        // The dictionary as the city extended it, before the first index is built with it.
        await cityRoots.EnsureLoadedAsync(cancellationToken);
        var index = Open(tenant.Name);
        // A folder deleted under a running node: start again from the database.
        if (!Directory.Exists(index.Folder))
        {
            Close(tenant.Name, deleteFiles: false);
            index = Open(tenant.Name);
        }
        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            if (index.Disposed) return;
            var store = tenant.Shell.Record.DatabaseLocation;
            if (index.HasCursor && index.StoreLocation is { } built && built != store)
            {
                logger.LogInformation("The search index of {ChangedTenant} was built from another store (a restore); rebuilding it", tenant.Name);
                index.HasCursor = false;
            }
            index.StoreLocation = store;
            if (!index.HasCursor) await RebuildLockedAsync(tenantServices, index, cancellationToken);
            await ApplyLogLockedAsync(tenantServices, index, cancellationToken);
        }
        finally
        {
            if (!index.Disposed) index.Gate.Release();
        }
    }

    /// <summary>
    /// Catches up and makes the result durable (the background tick). An index written with another analysis (the
    /// stemmer or its dictionary changed) is rebuilt here, in place: searches keep reading the old documents until
    /// the new ones are all written (<see cref="RebuildLockedAsync"/>).
    /// </summary>
    /// <returns>Whether to come back after <see cref="SearchOptions.CatchUpInterval"/>: late commits to look for, or the portal's roots to re-read.</returns>
    public async Task<bool> CatchUpAndCommitAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>();
        if (!tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return false;
        // The portal's tick also re-reads the city's roots: another node may have changed them.
        if (tenant.IsDefault)
        {
            await cityRoots.ReloadAsync(tenantServices);
            if (_analysisSeen is not null && _analysisSeen != SearchAnalyzers.AnalysisVersion)
                foreach (var other in registry.All.Where(t => t.State == TenantState.Running && !t.IsDefault)) WakeIndexTask(other.Name);
            _analysisSeen = SearchAnalyzers.AnalysisVersion;
        }
        // Issue 17: a tenant whose index is closed and whose portal copy already reflects its whole log is not opened
        // (the safety sweep visits every tenant; opening 1,000 Lucene indexes for nothing would cost memory).
        else if (Find(tenant.Name) is null && await IsCurrentInPortalAsync(tenantServices, tenant.Name)) return false;
        await CatchUpAsync(tenantServices, cancellationToken);
        var index = Open(tenant.Name);
        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            if (index.Disposed) return false;
            if (index.IsStale)
            {
                logger.LogInformation("The search index of {ChangedTenant} was written with analysis {Old}; rebuilding it with {New}",
                    index.Tenant, index.AnalysisVersion ?? "(none)", SearchAnalyzers.AnalysisVersion);
                await RebuildLockedAsync(tenantServices, index, cancellationToken, inPlace: true);
                await ApplyLogLockedAsync(tenantServices, index, cancellationToken);
            }
            CommitBoth(index);
            return tenant.IsDefault || index.Gaps.Count > 0;
        }
        finally { if (!index.Disposed) index.Gate.Release(); }
    }

    private void WakeIndexTask(string tenant) => due.Now(tenant, nameof(SearchIndexTask));

    private async Task<bool> IsCurrentInPortalAsync(IServiceProvider tenantServices, string tenant) =>
        Portal.Cursors.TryGetValue(tenant, out var cursor) && Portal.Analyses.GetValueOrDefault(tenant) == SearchAnalyzers.AnalysisVersion
        && Directory.Exists(FolderOf(tenant))
        && await tenantServices.GetRequiredService<SearchChangeLog>().HeadAsync() == cursor;

    private void CommitBoth(TenantIndex index)
    {
        if (!index.Dirty) return;
        index.Commit();
        Portal.CommitAtMostEvery(TimeSpan.FromSeconds(2));
    }

    /// <summary>Empties the index and fills it again from the database.</summary>
    public async Task RebuildAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var index = Open(tenantServices.GetRequiredService<TenantContext>().Name);
        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            await RebuildLockedAsync(tenantServices, index, cancellationToken);
            await ApplyLogLockedAsync(tenantServices, index, cancellationToken);
            CommitBoth(index);
        }
        finally { if (!index.Disposed) index.Gate.Release(); }
    }

    /// <summary>Re-reads these items from the database and replaces their documents (the consistency repair).</summary>
    public async Task ReindexAsync(IServiceProvider tenantServices, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        var index = Open(tenantServices.GetRequiredService<TenantContext>().Name);
        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var chunk in itemIds.Chunk(BatchSize)) await ApplyItemsAsync(tenantServices, index, chunk, cancellationToken);
            index.Dirty = true;
            CommitBoth(index);
            Refresh(index);
        }
        finally { if (!index.Disposed) index.Gate.Release(); }
    }

    /// <summary>
    /// Fills the index from the database up to the log's head. From empty (a new or emptied folder, or the admin's
    /// rebuild), or <paramref name="inPlace"/> — each item's documents replaced, in the tenant's and the portal's index —
    /// when the index is complete but of another analysis: the tenant's searcher is not reopened until the end, and the
    /// portal's sees every item at all times (old or new), so both keep answering meanwhile. (An item deleted from
    /// the database is already gone from a complete index: its deletion was in the log.)
    /// </summary>
    private async Task RebuildLockedAsync(IServiceProvider services, TenantIndex index, CancellationToken cancellationToken, bool inPlace = false)
    {
        var log = services.GetRequiredService<SearchChangeLog>();
        var started = DateTimeOffset.UtcNow;
        // The analysis the documents are written with; should it change meanwhile, the index is stale again and rebuilt.
        var analysis = SearchAnalyzers.AnalysisVersion;
        // The head first: whatever commits after it is applied from the log afterwards.
        var head = await log.HeadAsync();
        if (!inPlace)
        {
            index.Writer.DeleteAll();
            Portal.DeleteTenant(index.Tenant);
        }
        foreach (var source in Sources(services))
        {
            var items = await source.ListAsync(services, cancellationToken);
            foreach (var chunk in items.Keys.Chunk(BatchSize))
                if (inPlace) await ApplyItemsAsync(services, index, chunk, cancellationToken);
                else await AddAsync(services, index, source, chunk, cancellationToken);
        }
        index.AnalysisVersion = analysis;
        Portal.Analyses[index.Tenant] = analysis;
        index.Cursor = head;
        index.HasCursor = true;
        index.Gaps.Clear();
        // A transaction numbered before the head may have committed after the snapshot was read.
        var late = (await log.ReadSinceAsync(started - options.Value.LateCommitWindow)).Where(c => c.Seq <= head).Select(c => c.ItemId).Distinct().ToList();
        if (late.Count > 0) await ApplyItemsAsync(services, index, late, cancellationToken);
        index.LastAppliedUtc = DateTimeOffset.UtcNow;
        index.Dirty = true;
        Refresh(index);
        CommitBoth(index);
        logger.LogInformation("Rebuilt the search index of {ChangedTenant}: {Documents} documents up to change {Cursor}",
            index.Tenant, index.Writer.NumDocs, head);
    }

    private async Task ApplyLogLockedAsync(IServiceProvider services, TenantIndex index, CancellationToken cancellationToken)
    {
        var log = services.GetRequiredService<SearchChangeLog>();
        var now = DateTimeOffset.UtcNow;
        var applied = false;
        foreach (var (seq, at) in index.Gaps.ToList())
            if (now - at > options.Value.LateCommitWindow) index.Gaps.Remove(seq);
        if (index.Gaps.Count > 0)
        {
            var late = await log.ReadAsync(index.Gaps.Keys.ToList());
            if (late.Count > 0)
            {
                await ApplyItemsAsync(services, index, late.Select(c => c.ItemId).Distinct().ToList(), cancellationToken);
                foreach (var change in late) index.Gaps.Remove(change.Seq);
                applied = true;
            }
        }
        var pending = 0L;
        while (true)
        {
            var batch = await log.ReadAsync(index.Cursor, BatchSize);
            pending += batch.Count;
            index.PendingAtLastCatchUp = pending;
            if (batch.Count == 0) break;
            var expected = index.Cursor + 1;
            foreach (var change in batch)
            {
                if (change.Seq - expected <= BatchSize)
                    for (var skipped = expected; skipped < change.Seq && index.Gaps.Count < 10_000; skipped++) index.Gaps[skipped] = now;
                expected = change.Seq + 1;
            }
            await ApplyItemsAsync(services, index, batch.Select(c => c.ItemId).Distinct().ToList(), cancellationToken);
            index.Cursor = batch[^1].Seq;
            applied = true;
            if (batch.Count < BatchSize) break;
        }
        if (!applied) return;
        index.Dirty = true;
        index.LastAppliedUtc = now;
        Refresh(index);
    }

    /// <summary>
    /// The tenant's searcher shows what was applied; the portal's copy is recorded as at the tenant's cursor (its
    /// searcher reopens on the next portal search — reopening it after each of 120 rebuilds would cost more).
    /// </summary>
    private void Refresh(TenantIndex index)
    {
        Portal.Cursors[index.Tenant] = index.Cursor;
        index.Searchers.MaybeRefreshBlocking();
    }

    private async Task ApplyItemsAsync(IServiceProvider services, TenantIndex index, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        var sources = Sources(services).ToList();
        foreach (var group in itemIds.GroupBy(SourceOf))
        {
            foreach (var id in group)
            {
                index.Writer.DeleteDocuments(new Term(SearchFields.Item, id));
                Portal.Writer.DeleteDocuments(new Term(SearchFields.Key, DocumentBuilder.KeyOf(index.Tenant, id)));
            }
            // An item of a source that is gone (feature disabled) just leaves the index.
            if (sources.FirstOrDefault(s => s.Name == group.Key) is { } source)
                await AddAsync(services, index, source, group.ToList(), cancellationToken);
        }
    }

    private async Task AddAsync(IServiceProvider services, TenantIndex index, ISearchDocumentSource source, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        foreach (var document in await source.LoadAsync(services, itemIds, cancellationToken))
        {
            var (own, portal) = DocumentBuilder.Build(index.Tenant, document);
            index.Writer.AddDocument(own);
            if (portal is not null) Portal.Writer.AddDocument(portal);
        }
    }

    private static string SourceOf(string itemId) => itemId.IndexOf('/') is var slash and > 0 ? itemId[..slash] : itemId;

    private static IEnumerable<ISearchDocumentSource> Sources(IServiceProvider services)
    {
        var shell = services.GetRequiredService<TenantContext>().Shell;
        return services.GetServices<ISearchDocumentSource>().Where(s => s.FeatureId is null || shell.IsFeatureEnabled(s.FeatureId));
    }

    public void Dispose()
    {
        foreach (var tenant in _indexes.Keys.ToList()) Close(tenant, deleteFiles: false);
        if (!_portal.IsValueCreated) return;
        try { _portal.Value.Dispose(); }
        catch (Exception exception) { logger.LogWarning(exception, "Closing the portal search index failed"); }
    }
}
