using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace OrchardSpbe.Host.Tests;

/// <summary>
/// Issue 12 §4: an operator switches metrics on and points a real Prometheus server (Debian's `prometheus`, started
/// here as a plain process) at the node with the token. Prometheus scrapes it and answers queries on requests per
/// tenant and output-cache hits; without the token the endpoint refuses; off (the default) it does not exist.
/// </summary>
public sealed class MetricsScrapeTests
{
    private const string Token = "rahasia-prometheus-2026";

    [Fact]
    public async Task Prometheus_scrapes_requests_per_tenant_and_cache_hits_with_the_token_only()
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Metrics:Enabled"] = "true", ["Spbe:Metrics:Token"] = Token },
        });
        var pd = "metrik" + Guid.NewGuid().ToString("N")[..6];
        await site.CreateTenantAsync(pd);
        using (var visitor = site.NewVisitor())
            for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Url(pd, "/"))).StatusCode);

        var endpoint = new Uri($"http://127.0.0.1:{site.Port}/metrics");
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(endpoint)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, endpoint) { Headers = { { "Authorization", "Bearer salah" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);

        await using var prometheus = await PrometheusServer.StartAsync(site.Port, Token);
        var requests = await prometheus.WaitForValueAsync($"sum(http_server_request_duration_seconds_count{{spbe_tenant=\"{pd}\"}})");
        Assert.True(requests >= 3, $"{requests} requests counted for {pd}");
        var hits = await prometheus.WaitForValueAsync($"sum(spbe_output_cache_requests_total{{spbe_tenant=\"{pd}\",result=\"hit\"}})");
        Assert.True(hits >= 2, $"{hits} cache hits counted for {pd}");
        Assert.True(await prometheus.WaitForValueAsync("sum(spbe_background_runs_total)") > 0);
        Assert.Equal("up", await prometheus.TargetHealthAsync());
    }

    [Fact]
    public async Task Off_by_default_the_endpoint_does_not_exist()
    {
        await using var site = await TestSite.StartAsync();
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(site.Url(null, "/metrics"))).StatusCode);
        using var withToken = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{site.Port}/metrics")) { Headers = { { "Authorization", "Bearer " + Token } } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(withToken)).StatusCode);
    }

    /// <summary>Prometheus on a free loopback port, scraping the node every second, with its own data folder.</summary>
    private sealed class PrometheusServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;
        private readonly HttpClient _http;

        private PrometheusServer(Process process, string folder, int port)
        {
            _process = process;
            _folder = folder;
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        }

        public static async Task<PrometheusServer> StartAsync(int targetPort, string token)
        {
            var folder = Directory.CreateTempSubdirectory("spbe-prometheus-").FullName;
            var config = Path.Combine(folder, "prometheus.yml");
            // The minimal scrape configuration the README documents.
            await File.WriteAllTextAsync(config, $"""
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: orchardspbe
                    metrics_path: /metrics
                    authorization:
                      credentials: {token}
                    static_configs:
                      - targets: ['127.0.0.1:{targetPort}']
                """);
            var port = FreePort.Next();
            var process = Process.Start(new ProcessStartInfo("prometheus")
            {
                ArgumentList = { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("prometheus did not start (bash .ci/services installs it)");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new PrometheusServer(process, folder, port);
        }

        /// <summary>Polls an instant query until it returns a value (Prometheus needs a scrape or two first).</summary>
        public async Task<double> WaitForValueAsync(string query)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var last = "";
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    last = await _http.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
                    var result = JsonDocument.Parse(last).RootElement.GetProperty("data").GetProperty("result");
                    if (result.GetArrayLength() > 0)
                        return double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException)
                {
                    // Still starting.
                }
                await Task.Delay(500);
            }
            throw new TimeoutException($"Prometheus never had a value for {query}: {last}");
        }

        public async Task<string> TargetHealthAsync()
        {
            var targets = JsonDocument.Parse(await _http.GetStringAsync("api/v1/targets")).RootElement;
            return targets.GetProperty("data").GetProperty("activeTargets")[0].GetProperty("health").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
