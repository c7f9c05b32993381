using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 14's figures on the SQLite App_Data of the other sections: the register seeded in bulk into the portal's file
/// (<see cref="ApplicationsSeeder"/>), the portal's search index folder removed so the host indexes the catalogue from
/// scratch, then the real host as a separate process. Over HTTP, one request at a time on a kept-alive connection:
/// the public catalogue search (/aplikasi?q=…, anonymous, some with a class or lifecycle facet — search results are
/// never page-cached), the integration map and the compliance board (signed in as the portal's administrator), and
/// /health/live measured the same way in the same run as the baseline the figures are read against.
/// </summary>
public static class ApplicationsBench
{
    public static async Task RunAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> seeded, Report report)
    {
        var pds = seeded.Select(s => s.Name).ToList();
        var now = DateTime.UtcNow.AddHours(7);
        var semester = $"{now.Year:D4}-S{(now.Month <= 6 ? 1 : 2)}";
        Report.Section($"Applications: {settings.AppApplications:N0} applications and {settings.AppDevices:N0} devices over {pds.Count} PDs, in bulk into the portal's SQLite file");
        var seed = ApplicationsSeeder.Seed(appData, pds, settings.AppApplications, settings.AppDevices, semester);
        Console.WriteLine($"  {seed.Applications:N0} registered applications ({seed.Public:N0} public, {seed.Calls:N0} API calls), {seed.Devices:N0} devices with their /28 ranges, " +
                          $"{seed.Reports} of {pds.Count} PDs reported {semester}; {seed.Elapsed.TotalSeconds:F1} s");
        var deleted = 0;
        foreach (var folder in Directory.GetDirectories(Path.Combine(appData, "Sites", "default"), "search", SearchOption.AllDirectories))
        {
            Directory.Delete(folder, recursive: true);
            deleted++;
        }

        await using var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, "host-applications.log"));
        using var http = new SiteHttp(host.Port);
        var started = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(3));
        var indexed = await WaitForCatalogueAsync(http, seed.Public, TimeSpan.FromMinutes(10));
        Console.WriteLine($"  host up after {started.TotalSeconds:F1} s; {deleted} portal index folder(s) removed, the catalogue's {seed.Public:N0} entries searchable {indexed.TotalSeconds:F1} s after launch; load average {Machine.LoadAverage}");

        var health = http.Url(null, "/health/live");
        var requests = settings.AppRequests;
        var warmup = Math.Min(50, requests);
        var baseline = await Latency.MeasureAsync(http, Enumerable.Range(0, warmup).Select(_ => health).ToList(), Enumerable.Range(0, requests).Select(_ => health).ToList(), bypassCache: true);
        Report.Section($"Baseline /health/live, one at a time ({requests} requests): {baseline}");

        // 1. The public catalogue search.
        var random = new Random(20261127);
        string[] facets = ["", "", "", "&kelas=umum-kecil", "&tahap=produksi", $"&pd={pds[0]}"];
        Uri NextSearch() => http.Url(null, "/aplikasi?q=" + Uri.EscapeDataString(ApplicationsSeeder.Topics[random.Next(ApplicationsSeeder.Topics.Length)]) + facets[random.Next(facets.Length)]);
        var searchWarmup = Enumerable.Range(0, warmup).Select(_ => NextSearch()).ToList();
        var (search, searchCpu) = await MeasureAsync(host, http, searchWarmup, Enumerable.Range(0, requests).Select(_ => NextSearch()).ToList(), bypassCache: true);
        Report.Section($"Public catalogue search /aplikasi?q=…, anonymous, one at a time ({requests} requests, {ApplicationsSeeder.Topics.Length} words, a sixth with a facet)");
        Console.WriteLine($"  {search}; host CPU {searchCpu:F2} ms a request\n  p95 {search.P95 / baseline.P95:F1}× the baseline's");
        report.Check($"Applications: public catalogue search, p95 ({seed.Public:N0} public entries)", search.P95, "ms", "<", 20);

        using var admin = new SiteHttp(host.Port);
        await new TenantApi(admin).SignInAsync();
        var adminBaseline = await Latency.MeasureAsync(admin, [], Enumerable.Range(0, requests).Select(_ => health).ToList(), bypassCache: false);

        // 2. The integration map: every registered application and call.
        var mapUrl = admin.Url(null, "/admin/aplikasi/integrasi");
        var html = await admin.Http.GetStringAsync(mapUrl);
        var edges = html.Split("<tr data-from=").Length - 1;
        var (map, mapCpu) = await MeasureAsync(host, admin, Enumerable.Range(0, 10).Select(_ => mapUrl).ToList(), Enumerable.Range(0, requests).Select(_ => mapUrl).ToList(), bypassCache: false);
        Report.Section($"Integration map /admin/aplikasi/integrasi, portal admin, one at a time ({requests} requests; {edges} rows in its table)");
        Console.WriteLine($"  {map}; host CPU {mapCpu:F2} ms a request\n  p95 {map.P95 / adminBaseline.P95:F1}× the signed-in baseline's ({adminBaseline})");
        report.Check($"Applications: integration map, p95 ({seed.Applications:N0} applications, {seed.Calls:N0} calls)", map.P95, "ms", "<", 100);

        // 3. The compliance board.
        var boardUrl = admin.Url(null, "/admin/aplikasi/kepatuhan");
        var rows = (await admin.Http.GetStringAsync(boardUrl)).Split("data-pd=").Length - 1;
        var (board, boardCpu) = await MeasureAsync(host, admin, Enumerable.Range(0, 10).Select(_ => boardUrl).ToList(), Enumerable.Range(0, requests).Select(_ => boardUrl).ToList(), bypassCache: false);
        Report.Section($"Compliance board /admin/aplikasi/kepatuhan, portal admin, one at a time ({requests} requests; {rows} PD rows)");
        Console.WriteLine($"  {board}; host CPU {boardCpu:F2} ms a request\n  p95 {board.P95 / adminBaseline.P95:F1}× the signed-in baseline's; load average {Machine.LoadAverage}");
        report.Check($"Applications: compliance board, p95 ({pds.Count} PDs)", board.P95, "ms", "<", 50);
    }

    /// <summary>Latency one at a time, and the host's CPU a request (from /proc) — the figure a busy machine does not inflate.</summary>
    private static async Task<(Latency Latency, double CpuMs)> MeasureAsync(HostProcess host, SiteHttp http, IReadOnlyList<Uri> warmup, IReadOnlyList<Uri> measured, bool bypassCache)
    {
        foreach (var url in warmup) await http.TimedGetAsync(url, bypassCache);
        var cpu = ProcCpu.Ms(host.Pid);
        var latency = await Latency.MeasureAsync(http, [], measured, bypassCache);
        return (latency, (ProcCpu.Ms(host.Pid) - cpu) / measured.Count);
    }

    /// <summary>Polls the portal's search until it finds every public catalogue entry (the first call waits for the index).</summary>
    private static async Task<TimeSpan> WaitForCatalogueAsync(SiteHttp http, int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        long total = 0;
        while (clock.Elapsed < timeout)
        {
            using var response = await http.Http.GetAsync(http.Url(null, "/api/search?type=Application&q=sistem"));
            if (response.IsSuccessStatusCode)
            {
                total = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64();
                if (total >= expected) return clock.Elapsed;
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The portal's search found {total} of {expected} catalogue entries after {timeout}"));
    }
}
