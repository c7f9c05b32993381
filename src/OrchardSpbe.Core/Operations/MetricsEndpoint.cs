using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace OrchardSpbe.Operations;

/// <summary>
/// 001 Pasal 5: the operators see what the platform does. OpenTelemetry metrics — requests per tenant (ASP.NET Core's
/// http.server.* with the tenant tag), output-cache hits, search, background tasks, e-mail outbox, index lag and
/// PostgreSQL's pool (Npgsql's meter) — exported in Prometheus format, off by default and behind a bearer token.
/// </summary>
public static class MetricsEndpoint
{
    public static void AddSpbeMetrics(this IServiceCollection services, MetricsSettings settings)
    {
        services.AddSingleton<SpbeMetrics>();
        if (!settings.Enabled) return;
        // Made at start, so the modules' gauges exist before the first scrape.
        services.AddHostedService<MetricsStartup>();
        if (string.IsNullOrWhiteSpace(settings.Token))
            throw new InvalidOperationException("Spbe:Metrics:Token is required when Spbe:Metrics:Enabled is true (the scrape endpoint is never open).");
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(SpbeMetrics.MeterName, "Npgsql")
            .AddPrometheusExporter());
    }

    /// <summary>Serves the scrape endpoint before tenant resolution (Prometheus calls the node by its address); 401 without the token.</summary>
    public static void UseSpbeMetrics(this WebApplication app, MetricsSettings settings)
    {
        if (!settings.Enabled) return;
        var expected = Encoding.UTF8.GetBytes("Bearer " + settings.Token);
        app.UseWhen(context => context.Request.Path.Equals(settings.Path, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            await next(context);
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(settings.Path);
    }
}

internal sealed class MetricsStartup(SpbeMetrics metrics) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override string ToString() => metrics.GetType().Name;
}
