using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Security;

/// <summary>Headers every response carries: no sniffing, no framing, no inline script, a strict referrer.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next(context);
    }
}
