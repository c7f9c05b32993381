using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Output caching for public pages: only anonymous GETs, one entry per host, path base, path and UI
/// language, tagged with the tenant so any change to the tenant (settings, features, state) evicts its
/// pages on every node. Signed-in people always get a fresh page.
/// </summary>
public sealed class AnonymousPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "anonymous-page";

    /// <summary>
    /// What public pages tell browsers (issue 16 §5): keep the page but ask each time. The validators stored with the
    /// cached page let this cache answer 304 at cache speed, and a withdrawn or changed page shows at the next
    /// navigation — a government page must not linger in browsers after it was taken down.
    /// </summary>
    public const string Revalidate = "public, no-cache";

    public static string TagOf(string tenant) => "tenant:" + tenant;

    /// <summary>The query keys public pages read; add one here when a public page reads a new one.</summary>
    private static readonly Microsoft.Extensions.Primitives.StringValues VaryingQueryKeys = new(["page", "kategori", "q", "pd", "kelompok", "periodisitas", "level", "wilayah", "disagregasi", "dari", "sampai", "urut", "kelas", "tahap"]);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // The cache runs before authentication (a cached page costs no sign-in work): a request with the site's sign-in
        // cookie or an Authorization header is treated as signed in — it always gets a fresh page and never stores one.
        var anonymous = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                        && !http.Request.Headers.ContainsKey("Authorization")
                        && !Security.TenantCookieManager.HasSignInCookie(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.CacheVaryByRules.VaryByHost = true;
        // A list's ?page=2 (or ?kategori=) is another page. Only the keys public pages read vary the cache:
        // any other query string is served the same cached page, so random ones cannot bypass or flood it.
        context.CacheVaryByRules.QueryKeys = VaryingQueryKeys;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // A safety net: eviction on change is what keeps pages current.
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        // Each rendered copy gets its own validators, stored with it: a browser's If-None-Match / If-Modified-Since
        // matches only the copy it holds (answered 304 from the cache), and an eviction (content published, removed…)
        // makes the next copy a new one. Set before the page renders: the cache keeps the headers the page starts with.
        if (anonymous)
        {
            http.Response.Headers.ETag = NextETag();
            http.Response.Headers.LastModified = HttpDateNow();
            // A page that is not kept (a 404, one that sets a cookie) has nothing to revalidate against: no validators.
            http.Response.OnStarting(DropValidatorsUnlessKept, http.Response);
        }
        var tenant = TenantContext.Of(http);
        if (tenant.HasTenant) context.Tags.Add(TagOf(tenant.Name));
        return ValueTask.CompletedTask;
    }

    private static Task DropValidatorsUnlessKept(object state)
    {
        var response = (HttpResponse)state;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified) || response.Headers.ContainsKey("Set-Cookie"))
        {
            response.Headers.Remove("ETag");
            response.Headers.Remove("Last-Modified");
        }
        return Task.CompletedTask;
    }

    // This node's copies: a random prefix per process (two nodes, or a restart, never repeat one) and a counter —
    // set on every anonymous request before the lookup, so a cache hit should not pay for a random GUID.
    private static readonly string ETagPrefix = "W/\"" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) + "-";
    private static long _etags;

    private static string NextETag() => string.Concat(ETagPrefix, Interlocked.Increment(ref _etags).ToString("x", CultureInfo.InvariantCulture), "\"");

    private sealed record HttpDate(long Second, string Text);

    private static HttpDate? _httpDate;

    /// <summary>Now as an HTTP date, formatted once a second (every request before a cache lookup asks for it).</summary>
    private static string HttpDateNow()
    {
        var now = DateTimeOffset.UtcNow;
        var second = now.ToUnixTimeSeconds();
        if (_httpDate is { } kept && kept.Second == second) return kept.Text;
        var text = now.ToString("R", CultureInfo.InvariantCulture);
        _httpDate = new HttpDate(second, text);
        return text;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Count(context, hit: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup) Count(context, hit: false);
        var response = context.HttpContext.Response;
        // Never keep a page that sets a cookie (it would hand one visitor's cookie to the next) or is not a plain 200,
        // nor one rendered for someone authentication found signed in after all.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie") || context.HttpContext.User.Identity?.IsAuthenticated == true)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    private Operations.SpbeMetrics? _metrics;

    private void Count(OutputCacheContext context, bool hit)
    {
        // A singleton: looked up once, not on every cache hit.
        var metrics = _metrics ??= context.HttpContext.RequestServices.GetRequiredService<Operations.SpbeMetrics>();
        if (!metrics.CountsOutputCache) return;
        var tenant = TenantContext.Of(context.HttpContext);
        metrics.OutputCache(tenant.HasTenant ? tenant.Name : "", hit);
    }
}
