namespace OrchardSpbe.Hosting.PageCache;

/// <summary>The page cache's bounds (<c>Spbe:PageCache</c>).</summary>
public sealed class PageCacheSettings
{
    /// <summary>Bytes of page bodies kept on this node; the least recently used go first beyond it.</summary>
    public long SizeLimitBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>A page larger than this is served but not kept.</summary>
    public int MaxPageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>A safety net: eviction on change is what keeps pages current.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
