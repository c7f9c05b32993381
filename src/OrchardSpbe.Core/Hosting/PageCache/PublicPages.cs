using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>What public pages and the page cache share: the browser policy, the opt-out, and the validators.</summary>
public static class PublicPages
{
    /// <summary>
    /// What public pages tell browsers (issue 16 §5): keep the page but ask each time. The validators stored with the
    /// cached page let the cache answer 304 at cache speed, and a withdrawn or changed page shows at the next
    /// navigation — a government page must not linger in browsers after it was taken down.
    /// </summary>
    public const string Revalidate = "public, no-cache";

    private sealed class NotKept;

    /// <summary>This answer is served but not kept (e.g. search results, which follow the index, not the page's eviction).</summary>
    public static void DoNotKeep(HttpContext context) => context.Features.Set(new NotKept());

    internal static bool IsKept(HttpContext context) => context.Features.Get<NotKept>() is null;

    // This node's copies: a random prefix per process (two nodes, or a restart, never repeat one) and a counter.
    private static readonly string ETagPrefix = "W/\"" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) + "-";
    private static long _etags;

    internal static string NextETag() => string.Concat(ETagPrefix, Interlocked.Increment(ref _etags).ToString("x", CultureInfo.InvariantCulture), "\"");
}
