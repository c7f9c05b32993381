using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Hosting;

/// <summary>What a visitor sees when something unexpected fails: a short page, never a stack trace.</summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync("""
            <!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>Terjadi kesalahan</title></head><body><main>
            <h1>Maaf, terjadi kesalahan</h1>
            <p>Permintaan Anda tidak dapat diselesaikan. Kesalahan ini sudah dicatat; silakan coba lagi nanti.</p>
            <p lang="en">Sorry, something went wrong. The error has been logged; please try again later.</p>
            </main></body></html>
            """);
    }
}
