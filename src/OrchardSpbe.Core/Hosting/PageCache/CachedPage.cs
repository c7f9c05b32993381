using Microsoft.Extensions.Primitives;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>One kept answer: the body and the headers the page was sent with, its validators among them.</summary>
public sealed class CachedPage(string tenant, byte[] body, KeyValuePair<string, StringValues>[] headers, string etag, DateTimeOffset lastModified, long expiresAt)
{
    public string Tenant { get; } = tenant;
    public byte[] Body { get; } = body;
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
    public string ETag { get; } = etag;
    public DateTimeOffset LastModified { get; } = lastModified;

    /// <summary>When it stops being served, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long ExpiresAt { get; } = expiresAt;

    /// <summary>When it was last served (same clock): the least recently used go first when the cache is full.</summary>
    public long LastUsed;

    /// <summary>What it costs the cache: the body, and a rough allowance for the key and headers.</summary>
    public long Size => Body.Length + 1024;
}
