using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Hosting;

/// <summary>
/// HEAD is served wherever GET is (RFC 9110 §9.3.2): monitors, crawlers and link checkers use it. The
/// request runs as a GET — same routing, status, headers and output cache — and Kestrel, which still knows
/// the request line said HEAD, sends no body. A missing page is a 404, as for GET, not a 405.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            // The request log shows what the client sent.
            context.Request.Method = HttpMethods.Head;
        }
    }
}
