using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OrchardSpbe.Operations;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>
/// The page cache: anonymous GETs (and HEADs) of public pages (<see cref="PublicPageAttribute"/>) are answered from
/// the copy kept on this node, right after the tenant is known — before localization, routing, rate limits, sign-in
/// and authorisation, none of which a kept public page needs. A miss renders the page as usual and keeps it if it is a
/// plain 200 for nobody in particular. Each kept copy has its own validators, so a browser's revalidation
/// (<see cref="PublicPages.Revalidate"/>) is answered 304 from the cache until the tenant changes.
/// </summary>
public sealed class PageCacheMiddleware
{
    // Sent per request or describing this one body only: never replayed from a kept copy.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.SetCookie, "Server-Timing",
    };

    // RFC 9110 §15.4.5: what a 304 carries of the page it stands for.
    private static readonly HashSet<string> SentWithNotModified = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.LastModified, HeaderNames.Vary,
    };

    private readonly RequestDelegate _next;
    private readonly PageCacheStore _store;
    private readonly SpbeMetrics _metrics;
    private readonly string _defaultCulture;
    private readonly string[] _cultures;

    public PageCacheMiddleware(RequestDelegate next, PageCacheStore store, SpbeMetrics metrics, IOptions<RequestLocalizationOptions> localization)
    {
        _next = next;
        _store = store;
        _metrics = metrics;
        _defaultCulture = localization.Value.DefaultRequestCulture.UICulture.Name;
        _cultures = localization.Value.SupportedUICultures?.Select(culture => culture.Name).ToArray() ?? [_defaultCulture];
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // HeadRequestMiddleware has turned a HEAD into a GET. A request with the site's sign-in cookie or an
        // Authorization header is someone's: it always gets a fresh page and never leaves one.
        if (!HttpMethods.IsGet(request.Method) || request.Headers.ContainsKey(HeaderNames.Authorization) || TenantCookieManager.HasSignInCookie(context))
            return _next(context);
        var tenant = TenantContext.Of(context);
        if (!tenant.HasTenant) return _next(context);
        var key = PageCacheKey.Of(request, _defaultCulture, _cultures);
        if (key is null) return _next(context);
        if (_store.TryGet(key, out var page))
        {
            Count(tenant.Name, hit: true);
            return ServeAsync(context, page);
        }
        return RenderAndKeepAsync(context, tenant.Name, key);
    }

    private static Task ServeAsync(HttpContext context, CachedPage page)
    {
        var response = context.Response;
        if (IsNotModified(context.Request, page))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var header in page.Headers)
                if (SentWithNotModified.Contains(header.Key)) response.Headers[header.Key] = header.Value;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var header in page.Headers) response.Headers[header.Key] = header.Value;
        response.ContentLength = page.Body.Length;
        // No cancellation token: a visitor gone mid-page is Kestrel's to drop quietly, not an error to report.
        return response.BodyWriter.WriteAsync(page.Body).AsTask();
    }

    /// <summary>RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise If-Modified-Since.</summary>
    private static bool IsNotModified(HttpRequest request, CachedPage page)
    {
        var headers = request.Headers;
        var ifNoneMatch = headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
            var kept = EntityTagHeaderValue.Parse(page.ETag);
            foreach (var tag in tags)
                if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(kept, useStrongComparison: false)) return true;
            return false;
        }
        return HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var since) && page.LastModified <= since;
    }

    private async Task RenderAndKeepAsync(HttpContext context, string tenant, string key)
    {
        var generation = _store.GenerationOf(tenant);
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var capture = new PageCapture(original, _store.Settings.MaxPageBytes);
        var rendering = new Rendering(context, this, tenant);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        context.Response.OnStarting(static state => ((Rendering)state).Decide(), rendering);
        try
        {
            await _next(context);
            await capture.FlushWriterAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        await rendering.Decide();
        if (!rendering.Keeps || capture.Captured is not { } body || context.RequestAborted.IsCancellationRequested) return;
        var response = context.Response;
        if (response.ContentLength is { } length && length != body.Length) return;
        var headers = response.Headers.Where(header => !NotReplayed.Contains(header.Key)).ToArray();
        var expiresAt = Environment.TickCount64 + (long)_store.Settings.Lifetime.TotalMilliseconds;
        _store.TryAdd(key, new CachedPage(tenant, body, headers, rendering.ETag!, rendering.LastModified, expiresAt), generation);
    }

    private void Count(string tenant, bool hit)
    {
        if (_metrics.CountsOutputCache) _metrics.OutputCache(tenant, hit);
    }

    /// <summary>
    /// Decided once, when the answer starts (or after it, if nothing was written): whether the endpoint is a public page,
    /// and whether this answer is one to keep — then it gets its validators before its headers go out.
    /// </summary>
    private sealed class Rendering(HttpContext context, PageCacheMiddleware cache, string tenant)
    {
        private bool _decided;

        public bool Keeps { get; private set; }
        public string? ETag { get; private set; }
        public DateTimeOffset LastModified { get; private set; }

        public Task Decide()
        {
            if (_decided) return Task.CompletedTask;
            _decided = true;
            if (context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is null) return Task.CompletedTask;
            cache.Count(tenant, hit: false);
            var response = context.Response;
            // Never keep a page that sets a cookie (it would hand one visitor's cookie to the next) or is not a plain 200,
            // nor one rendered for someone authentication found signed in after all.
            Keeps = response.StatusCode == StatusCodes.Status200OK
                    && !response.Headers.ContainsKey(HeaderNames.SetCookie) && context.User.Identity?.IsAuthenticated != true
                    && PublicPages.IsKept(context);
            if (!Keeps) return Task.CompletedTask;
            ETag = PublicPages.NextETag();
            LastModified = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            response.Headers.ETag = ETag;
            response.Headers.LastModified = HeaderUtilities.FormatDate(LastModified);
            return Task.CompletedTask;
        }
    }
}
