using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Security;

/// <summary>
/// Names authentication cookies per tenant (".spbe.auth.dinkes"), so tenants that share a host
/// through URL prefixes never overwrite each other's sign-in.
/// </summary>
public sealed class TenantCookieManager : ICookieManager
{
    /// <summary>The sign-in cookie's name before the tenant's is added (chunks add "C1", "C2"…).</summary>
    public const string AuthCookieName = ".spbe.auth";

    /// <summary>Whether the request carries this tenant's sign-in cookie — known before authentication runs.</summary>
    public static bool HasSignInCookie(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Cookie")) return false;
        var name = Name(context, AuthCookieName);
        foreach (var cookie in context.Request.Cookies)
            if (cookie.Key.StartsWith(name, StringComparison.Ordinal)) return true;
        return false;
    }

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, WithPath(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), WithPath(context, options));

    private static string Name(HttpContext context, string key)
    {
        var tenant = TenantContext.Of(context);
        return tenant.HasTenant ? key + "." + tenant.Name : key;
    }

    private static CookieOptions WithPath(HttpContext context, CookieOptions options)
    {
        if (context.Request.PathBase.HasValue) options.Path = context.Request.PathBase.Value;
        return options;
    }
}
