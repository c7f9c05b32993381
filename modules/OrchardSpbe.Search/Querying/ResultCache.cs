using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// The portal's recent results, as Solr's queryResultCache: keyed by everything that decides a result — the
/// normalized query, the tenants searched (the running set), what the reader may see, filters, sort, page — and
/// valid for one version of the portal index only. A commit or refresh (a PD publishes, a tenant's index is
/// rebuilt or deleted) opens a reader with a new version, and the first search on it drops every entry.
/// Portal traffic is mostly the same few queries, and a broad word costs tens of ms of CPU to score and count.
/// One cache holds pages of results, another the full match sets of <see cref="SearchService.MatchAsync"/>.
/// </summary>
public sealed class ResultCache<TResult>(int capacity = 2048) where TResult : class
{
    private ConcurrentDictionary<string, TResult> _entries = new(StringComparer.Ordinal);
    private readonly object _versionLock = new();
    private long _version = -1;

    // The names of a list of tenants searched, joined once per list instance (the portal's is one instance per change
    // of the running set: SearchReader.TenantsAsync) — 120 names joined on every search were a tenth of package_search.
    private static readonly ConditionalWeakTable<IReadOnlyList<Tenants.TenantShell>, string> TenantKeys = new();

    public static string KeyOf(SearchRequest request, int page) => string.Join('\u0001',
        string.Join(' ', request.Query.Clauses.Select(c => (int)c.Kind + ":" + string.Join('+', c.Terms))),
        TenantKeys.GetValue(request.Tenants, tenants => string.Join(',', tenants.Select(t => t.Name))), request.DraftTenant, request.DraftOwner,
        request.Type, string.Join(',', request.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
        string.Join(',', request.FacetFields), request.Sort, page, request.PageSize);

    public bool TryGet(long version, string key, out TResult result)
    {
        result = null!;
        return Interlocked.Read(ref _version) == version && _entries.TryGetValue(key, out result!);
    }

    public void Add(long version, string key, TResult result)
    {
        if (Interlocked.Read(ref _version) != version)
        {
            // Another version of the index: what was cached describes documents that changed.
            lock (_versionLock)
            {
                if (_version > version) return;   // a search on an older reader finishing late
                if (_version != version) { _entries = new(StringComparer.Ordinal); Interlocked.Exchange(ref _version, version); }
            }
        }
        // Bounded the simple way: a full cache starts again (the hot queries come back within seconds).
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[key] = result;
    }
}
