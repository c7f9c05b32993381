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
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, WithPath(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), WithPath(context, options));

    private static string Name(HttpContext context, string key)
    {
        var tenant = context.RequestServices.GetRequiredService<TenantContext>();
        return tenant.HasTenant ? key + "." + tenant.Name : key;
    }

    private static CookieOptions WithPath(HttpContext context, CookieOptions options)
    {
        if (context.Request.PathBase.HasValue) options.Path = context.Request.PathBase.Value;
        return options;
    }
}
