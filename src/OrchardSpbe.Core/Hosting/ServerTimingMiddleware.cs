using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Hosting;

/// <summary>
/// With <c>Spbe:Hosting:ServerTiming</c> on (off by default): every response carries
/// <c>Server-Timing: app;dur=12.3</c>, the milliseconds from the start of the pipeline to the response's
/// headers. Views render into a buffer first, so for a page this is the whole server time but for writing
/// the buffered body. The benchmark reads it to separate server time from the client's.
/// </summary>
public sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(static state =>
        {
            var (response, started) = ((HttpResponse, long))state;
            response.Headers.Append("Server-Timing",
                string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00}"));
            return Task.CompletedTask;
        }, (context.Response, started));
        return next(context);
    }
}
