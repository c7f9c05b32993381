namespace OrchardSpbe.Bench;

/// <summary>
/// The ceiling for the throughput comparison: plain Kestrel answering every request with the PD home's
/// bytes and content type — no tenant resolution, routing, MVC, Razor or security headers.
/// </summary>
public static class BareServer
{
    /// <summary>Starts on a free loopback port; returns the server and its base URL.</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(byte[] body, string contentType)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.StartAsync();
        return (app, app.Urls.First() + "/");
    }
}
