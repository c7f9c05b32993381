using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Security;

/// <summary>Headers every response carries: no sniffing, no framing, no inline script, a strict referrer.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, ContentSecurityPolicy policy)
{
    private const string StyleNonceKey = "spbe:csp-style-nonce";

    /// <summary>
    /// A nonce that lets one page's script-made &lt;style&gt; elements through the CSP (the rich-text editor
    /// installs its defaults that way). Only pages that ask get one; inline script stays forbidden.
    /// </summary>
    public static string StyleNonce(HttpContext context)
    {
        if (context.Items[StyleNonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[StyleNonceKey] = nonce;
        // Views render into a buffer, so the header can still change while the page asks for its nonce.
        if (!context.Response.HasStarted)
            context.Response.Headers.ContentSecurityPolicy = context.RequestServices.GetRequiredService<ContentSecurityPolicy>().WithStyleNonce(nonce);
        return nonce;
    }

    public Task InvokeAsync(HttpContext context)
    {
        Apply(context.Response, policy);
        return next(context);
    }

    /// <summary>
    /// Sets the headers on a response. The error page calls it again: the exception handler clears the
    /// headers of the response that failed, and a 500 must not go out without them.
    /// </summary>
    public static void Apply(HttpResponse response) => Apply(response, response.HttpContext.RequestServices.GetRequiredService<ContentSecurityPolicy>());

    // The policy is a singleton, passed in: asking the request's services for it would build them on every request,
    // a cached page's too (TenantRequestServices).
    private static void Apply(HttpResponse response, ContentSecurityPolicy policy)
    {
        var headers = response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Content-Security-Policy"] = policy.Default;
    }
}
