using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>
/// This node's kept public pages, by key (<see cref="PageCacheKey"/>), bounded in bytes, and evicted per tenant when
/// anything of the tenant changes (<see cref="Signals.HostChangeApplier"/>, on every node).
/// </summary>
public sealed class PageCacheStore(IOptions<SpbeOptions> options)
{
    private readonly PageCacheSettings _settings = options.Value.PageCache;
    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    // A tenant's generation moves on every eviction: a page rendered before a change and finished after it is not kept.
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _trimming = new();
    private long _bytes;

    public PageCacheSettings Settings => _settings;

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _pages.Count;

    public bool TryGet(string key, out CachedPage page)
    {
        if (!_pages.TryGetValue(key, out page!)) return false;
        var now = Environment.TickCount64;
        if (now >= page.ExpiresAt)
        {
            Remove(new KeyValuePair<string, CachedPage>(key, page));
            return false;
        }
        page.LastUsed = now;
        return true;
    }

    public long GenerationOf(string tenant) => _generations.TryGetValue(tenant, out var generation) ? generation : 0;

    /// <summary>Keeps a page unless its tenant changed since <paramref name="generation"/> was read (before it rendered).</summary>
    public bool TryAdd(string key, CachedPage page, long generation)
    {
        if (page.Size > _settings.SizeLimitBytes || GenerationOf(page.Tenant) != generation) return false;
        page.LastUsed = Environment.TickCount64;
        // The size counts only the copy actually replaced (AddOrUpdate may run its update more than once under contention).
        while (true)
        {
            if (_pages.TryGetValue(key, out var replaced))
            {
                if (_pages.TryUpdate(key, page, replaced)) { Interlocked.Add(ref _bytes, page.Size - replaced.Size); break; }
            }
            else if (_pages.TryAdd(key, page)) { Interlocked.Add(ref _bytes, page.Size); break; }
        }
        // An eviction that ran between the check above and the add must not leave this page behind.
        if (GenerationOf(page.Tenant) != generation)
        {
            Remove(new KeyValuePair<string, CachedPage>(key, page));
            return false;
        }
        if (Bytes > _settings.SizeLimitBytes) Trim();
        return true;
    }

    /// <summary>Drops every kept page of the tenant, and any still rendering from before this moment.</summary>
    public void EvictTenant(string tenant)
    {
        _generations.AddOrUpdate(tenant, 1, static (_, generation) => generation + 1);
        foreach (var entry in _pages)
            if (string.Equals(entry.Value.Tenant, tenant, StringComparison.OrdinalIgnoreCase)) Remove(entry);
    }

    private void Remove(KeyValuePair<string, CachedPage> entry)
    {
        if (_pages.TryRemove(entry)) Interlocked.Add(ref _bytes, -entry.Value.Size);
    }

    /// <summary>Over the limit: the least recently used pages go until a tenth of the room is free again.</summary>
    private void Trim()
    {
        if (!_trimming.TryEnter()) return;
        try
        {
            var target = _settings.SizeLimitBytes * 9 / 10;
            foreach (var entry in _pages.ToArray().OrderBy(entry => entry.Value.LastUsed))
            {
                if (Bytes <= target) break;
                Remove(entry);
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }
}
