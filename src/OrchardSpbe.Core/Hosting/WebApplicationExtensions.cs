using Scalar.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OrchardSpbe.Operations;
using OrchardSpbe.Security;

namespace OrchardSpbe.Hosting;

public static class WebApplicationExtensions
{
    public static SpbeBuilder AddOrchardSpbe(this WebApplicationBuilder builder) => new(builder);

    /// <summary>The request pipeline: headers, health, tenant, static theme files, culture, auth, endpoints.</summary>
    public static WebApplication UseOrchardSpbe(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<IOptions<SpbeOptions>>().Value.Hosting;
        app.UseMiddleware<HeadRequestMiddleware>();
        if (hosting.ServerTiming) app.UseMiddleware<ServerTimingMiddleware>();
        var proxies = hosting.TrustedProxies;
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // The standard health-check JSON (AspNetCore.HealthChecks.UI.Client): status, then each dependency with its own.
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthChecks.UI.Client.UIResponseWriter.WriteHealthCheckUIResponse,
        });
        app.UseSpbeMetrics(app.Services.GetRequiredService<IOptions<SpbeOptions>>().Value.Metrics);
        app.UseMiddleware<TenantResolutionMiddleware>();
        // Inside the tenant's logging scope, so a failure is logged with the tenant that had it.
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPage.WriteAsync });
        // Kept public pages are answered here, as soon as the tenant is known: before localization (the key reads the
        // culture cookie itself), routing, rate limits, sign-in and authorisation. They are the anonymous answers of
        // public endpoints, kept only from anonymous requests (PageCacheMiddleware).
        app.UseMiddleware<PageCache.PageCacheMiddleware>();
        foreach (var theme in app.Services.GetServices<ThemeAssets>())
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new ManifestEmbeddedFileProvider(theme.Assembly, "wwwroot"),
                RequestPath = "/themes/" + theme.Assembly.GetName().Name,
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
            });
        }
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ApiTokenRefusal>();
        app.UseAuthorization();
        app.MapControllers();
        app.MapOpenApi("/openapi/{documentName}.json");
        // The API reference page (Scalar) starts itself with an inline module script and styles; it shows only our own
        // OpenAPI document, so its page alone may run them. Every other page keeps the strict policy.
        app.MapScalarApiReference("/openapi/referensi", o => o.WithTitle("API Pemerintah Kota Bekasi").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
                    "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                return await next(context);
            });
        return app;
    }

    /// <summary>Starts every tenant (and runs the first-run setup) before the server listens.</summary>
    public static Task StartTenantsAsync(this WebApplication app) =>
        app.Services.GetRequiredService<SpbeHost>().StartAsync();
}
