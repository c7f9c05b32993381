using System.Diagnostics;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 13's figures, on SQLite: the portal and the PDs are created in-process and the programmer team's data written in bulk
/// (<see cref="ProgrammersSeeder"/>: 2,000 applicants in the current round, 300 members, five years of monthly reports); then
/// the real host runs as a separate process and, signed in as the portal's administrator, two pages are measured one request
/// at a time over HTTP: the selection board's list and the city's competency gap table. Each is printed beside /health/live
/// measured the same way in the same run, and as a ratio of it, so a busy machine shows as a slow baseline too.
/// </summary>
public static class ProgrammersBench
{
    public static async Task RunAsync(BenchSettings settings, Report report)
    {
        var sites = PdSites.Take(settings.ProgTenants);
        var appData = Path.Combine(settings.OutDir, "prog-app-data");
        Report.Section($"Programmers: SQLite App_Data, portal + {sites.Count} PD tenants (bekasi-portal, pd-site recipes, in-process)");
        var clock = Stopwatch.StartNew();
        await Seeder.SeedAsync(settings, appData, sites, snapshotAfter: -1, snapshotDir: ""); // the Seeder's in-process TenantManager, no snapshot
        Console.WriteLine($"  tenants created in {clock.Elapsed.TotalSeconds:F1} s");
        var seeded = ProgrammersSeeder.Seed(settings, appData, sites);
        Console.WriteLine($"  {seeded.Applicants:N0} applicants (4 documents each), {seeded.Members:N0} members, {seeded.Reports:N0} reports on the PDs and " +
                          $"{seeded.Evaluations:N0} evaluations on the portal ({settings.ProgYears} years) written in {seeded.Elapsed.TotalSeconds:F1} s");

        await using var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, "host-programmers.log"));
        using var http = new SiteHttp(host.Port);
        var started = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(3));
        var settled = await StatisticsBench.SettleAsync(host, TimeSpan.FromMinutes(2));
        Console.WriteLine($"  host up after {started.TotalSeconds:F1} s, settled {settled.Wait.TotalSeconds:F0} s later ({settled.RateMsPerS:F0} ms of CPU a second); load average {Machine.LoadAverage}");

        using var admin = new SiteHttp(host.Port);
        await new TenantApi(admin).SignInAsync();
        var health = admin.Url(null, "/health/live");
        var baseline = await Latency.MeasureAsync(admin, Enumerable.Range(0, settings.LatencyWarmup).Select(_ => health).ToList(),
            Enumerable.Range(0, settings.LatencyRequests).Select(_ => health).ToList(), bypassCache: false);
        Console.WriteLine($"  baseline /health/live, signed in, one at a time: {baseline}");

        await MeasureAsync(settings, admin, report, baseline, "/admin/tim-programmer/seleksi", "data-application=",
            $"Selection board list ({seeded.Applicants:N0} applicants in the round, 200 shown)", 30);
        await MeasureAsync(settings, admin, report, baseline, "/admin/tim-programmer/kompetensi", "data-pd=",
            $"City competency gap table ({sites.Count} PDs × 6 SPBE areas, {seeded.Members:N0} members)", 50);
    }

    private static async Task MeasureAsync(BenchSettings settings, SiteHttp admin, Report report, Latency baseline, string path, string rowMarker, string title, double target)
    {
        Report.Section($"{title}: {path}, portal admin, one at a time ({settings.LatencyRequests} requests after {settings.LatencyWarmup} warm-up)");
        var url = admin.Url(null, path);
        var html = await admin.Http.GetStringAsync(url);
        var rows = html.Split(rowMarker).Length - 1;
        var latency = await Latency.MeasureAsync(admin, Enumerable.Range(0, settings.LatencyWarmup).Select(_ => url).ToList(),
            Enumerable.Range(0, settings.LatencyRequests).Select(_ => url).ToList(), bypassCache: false);
        Console.WriteLine($"  {rows} rows on the page; {latency}; p95 = {latency.P95 / baseline.P95:F1} × the baseline's p95 ({baseline.P95:F1} ms)");
        report.Check($"{title}, p95", latency.P95, "ms", "<", target);
    }
}
