using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Finds the tenant for the request's Host header (and URL prefix) and sets it on the request scope.
/// An unknown host is a plain 404 — never the city portal; a disabled tenant is a short 503 page.
/// </summary>
public sealed class TenantResolutionMiddleware(
    RequestDelegate next,
    TenantRegistry registry,
    ShellHost shells,
    HostNames hostNames,
    FirstResponse firstResponse,
    IServiceScopeFactory scopes,
    ILogger<TenantResolutionMiddleware> logger)
{
    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("404 - Situs tidak ditemukan / Site not found\n");
    private static readonly byte[] DisabledPage = Encoding.UTF8.GetBytes("""
        <!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>Situs tidak tersedia</title></head><body><main>
        <h1>Situs ini sedang tidak tersedia</h1>
        <p>Situs perangkat daerah ini sedang dinonaktifkan oleh Diskominfostandi Kota Bekasi. Silakan kembali lagi nanti.</p>
        <p lang="en">This site is currently disabled. Please come back later.</p>
        </main></body></html>
        """);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        var host = hostNames.ToCanonical(context.Request.Host.Host);
        var record = registry.Resolve(host, context.Request.Path);
        if (record is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", NotFoundBody);
            return;
        }
        // The operators' request metrics (http.server.request.duration, …) per tenant.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMetricsTagsFeature>() is { MetricsDisabled: false } metricsTags)
            metricsTags.Tags.Add(new(Operations.SpbeMetrics.TenantTag, record.Name));
        var shell = record.State == TenantState.Running ? await shells.GetOrActivateAsync(record) : null;
        if (shell is null)
        {
            context.Response.Headers.RetryAfter = "3600";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "text/html; charset=utf-8", DisabledPage);
            return;
        }

        // The tenant in the request's features (what the page cache reads), and in its services when they are first asked for.
        var tenantContext = new TenantContext();
        tenantContext.Set(shell);
        context.Features.Set(tenantContext);
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IServiceProvidersFeature>(new TenantRequestServices(context, scopes, shell));
        if (record.UrlPrefix is not null && context.Request.Path.StartsWithSegments("/" + record.UrlPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            context.Request.PathBase = context.Request.PathBase.Add("/" + record.UrlPrefix);
            context.Request.Path = rest;
        }

        using (logger.BeginScope(new TenantLogScope(record.Name)))
        {
            await next(context);
        }
        firstResponse.Mark();
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
