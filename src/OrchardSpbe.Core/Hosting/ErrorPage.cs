using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Security;

namespace OrchardSpbe.Hosting;

/// <summary>
/// What a visitor sees when something unexpected fails: a short page with a reference id, never a stack
/// trace. The same id is in the log line of the failure, so a citizen's report leads to the cause. When the
/// database is unreachable (a restart, a network cut) the answer is 503 with Retry-After: try again shortly.
/// </summary>
public static class ErrorPage
{
    private const int RetryAfterSeconds = 5;

    public static async Task WriteAsync(HttpContext context)
    {
        var reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        var failure = context.Features.Get<IExceptionHandlerFeature>();
        var unavailable = Data.DatabaseUnavailable.Is(failure?.Error);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPage));
        if (unavailable)
            logger.LogWarning(failure?.Error, "Database unavailable {ErrorReference} on {Method} {Path}", reference, context.Request.Method, failure?.Path ?? context.Request.Path);
        else
            logger.LogError(failure?.Error, "Unhandled error {ErrorReference} on {Method} {Path}", reference, context.Request.Method, failure?.Path ?? context.Request.Path);

        // The exception handler cleared the failed response's headers, the security headers included.
        SecurityHeadersMiddleware.Apply(context.Response);
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (unavailable) context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "application/problem+json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                title = unavailable ? "Layanan sementara tidak tersedia / Temporarily unavailable" : "Terjadi kesalahan / Something went wrong",
                status = context.Response.StatusCode, reference,
            }));
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        if (unavailable)
        {
            await context.Response.WriteAsync($"""
                <!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>Layanan sementara tidak tersedia</title></head><body><main>
                <h1>Layanan sementara tidak tersedia</h1>
                <p>Basis data sedang tidak dapat dihubungi. Tidak ada yang hilang; silakan coba lagi dalam beberapa detik.</p>
                <p lang="en">The database cannot be reached right now. Nothing was lost; please try again in a few seconds.</p>
                <p>Kode rujukan / Reference: <code id="error-reference">{reference}</code></p>
                </main></body></html>
                """);
            return;
        }
        await context.Response.WriteAsync($"""
            <!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>Terjadi kesalahan</title></head><body><main>
            <h1>Maaf, terjadi kesalahan</h1>
            <p>Permintaan Anda tidak dapat diselesaikan. Kesalahan ini sudah dicatat; silakan coba lagi nanti.</p>
            <p lang="en">Sorry, something went wrong. The error has been logged; please try again later.</p>
            <p>Kode rujukan / Reference: <code id="error-reference">{reference}</code></p>
            </main></body></html>
            """);
    }
}
