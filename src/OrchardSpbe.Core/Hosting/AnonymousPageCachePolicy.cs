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

    public static string TagOf(string tenant) => "tenant:" + tenant;

    /// <summary>The query keys public pages read; add one here when a public page reads a new one.</summary>
    private static readonly Microsoft.Extensions.Primitives.StringValues VaryingQueryKeys = new(["page", "kategori", "q", "pd", "kelompok", "periodisitas", "level", "wilayah", "disagregasi", "dari", "sampai", "urut"]);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                        && http.User.Identity?.IsAuthenticated != true
                        && !http.Request.Headers.ContainsKey("Authorization");
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
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        if (tenant.HasTenant) context.Tags.Add(TagOf(tenant.Name));
        return ValueTask.CompletedTask;
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
        // Never keep a page that sets a cookie (it would hand one visitor's cookie to the next) or is not a plain 200.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    private static void Count(OutputCacheContext context, bool hit)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        context.HttpContext.RequestServices.GetRequiredService<Operations.SpbeMetrics>().OutputCache(tenant.HasTenant ? tenant.Name : "", hit);
    }
}
