using System.Diagnostics;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 17: 1,000 tenants in one process. Launch → the portal's first 200 (several starts); host CPU with nobody
/// visiting, during the schedule's first sweep after start and then steady; the first request to each tenant;
/// memory with each tenant visited once (RSS, and the live managed heap by dotnet-gcdump, with its report of types);
/// and the cached PD home against bare Kestrel serving the same bytes.
/// </summary>
public static class ScaleBench
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(BenchSettings settings, Report report)
    {
        var sites = PdSites.Take(settings.ScaleTenants);
        var appData = Path.Combine(settings.OutDir, "scale-app-data");
        Report.Section($"Scale: seeding the portal and {sites.Count} PD sites (one by the pd-site recipe, the others copies of its file)");
        var clock = Stopwatch.StartNew();
        await ScaleSeeder.SeedAsync(settings, appData, sites);
        Console.WriteLine($"  done in {clock.Elapsed.TotalSeconds:F1} s");

        Report.Section($"Scale: launch → portal's first 200, {sites.Count} tenants, {settings.Starts} starts");
        var startMs = new List<double>();
        HostProcess? last = null;
        for (var i = 1; i <= settings.Starts; i++)
        {
            var started = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"scale-start{i}.log"),
                ["--Logging:LogLevel:OrchardSpbe.Background.SafetySweep=Information"]);
            try
            {
                using var probe = new SiteHttp(started.Port);
                startMs.Add((await started.WaitForPortalAsync(probe, StartTimeout)).TotalMilliseconds);
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }
            Console.WriteLine($"  start {i}: {startMs[^1]:F0} ms");
            if (i < settings.Starts) await started.DisposeAsync();
            else last = started;
        }
        await using var host = last!;
        using var http = new SiteHttp(host.Port);
        report.Check($"Scale: start → portal's first 200, {sites.Count} tenants (median of {settings.Starts})", Stats.Median(startMs), "ms", "<", 1000);

        // The schedule's first pass visits every tenant once after start (what came due while the node was down; on a
        // new node, each tenant's search index is built). Idle is what follows it, plus a settle for the last visits.
        Report.Section($"Scale: host CPU with nobody visiting ({sites.Count} tenants)");
        var cpuAtStart = ProcCpu.Ms(host.Pid);
        var passEnded = await host.WaitForLogAsync("the first pass visited", TimeSpan.FromMinutes(15));
        var passCpu = ProcCpu.Ms(host.Pid) - cpuAtStart;
        Console.WriteLine(passEnded is { } ended
            ? $"  the safety sweep's first pass ended {ended.TotalSeconds:F1} s after launch ({passCpu / 1000:F1} s of host CPU since the portal's first 200)"
            : "  the safety sweep's first pass did not end within 15 minutes");
        var settle = await CpuRateAsync(host.Pid, TimeSpan.FromSeconds(settings.ScaleSettleSeconds));
        Console.WriteLine($"  the next {settings.ScaleSettleSeconds} s (settling): {settle:F1} ms/s");
        var idle = await CpuRateAsync(host.Pid, TimeSpan.FromSeconds(settings.ScaleIdleSeconds));
        Console.WriteLine($"  then {settings.ScaleIdleSeconds} s steady: {idle:F1} ms/s");
        report.Check($"Scale: idle host CPU, {sites.Count} tenants, nobody visiting", idle, "ms/s", "<", 20);

        Report.Section("Scale: first GET / of each tenant after start (sequential)");
        var firstMs = new List<double>();
        foreach (var site in sites) firstMs.Add((await http.TimedGetAsync(http.Url(site.Name))).TotalMilliseconds);
        Console.WriteLine($"  p50 {Stats.Percentile(firstMs, 50):F1} ms, p95 {Stats.Percentile(firstMs, 95):F1} ms, max {firstMs.Max():F1} ms");
        report.Check($"Scale: first request per tenant after start, p95 of {sites.Count}", Stats.Percentile(firstMs, 95), "ms", "<", 20);

        Report.Section($"Scale: memory, {sites.Count} tenants each visited once");
        await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds));
        var memory = ProcMemory.Read(host.Pid);
        Console.WriteLine($"  {memory}");
        var heap = await GcDump.CollectAsync(host.Pid, Path.Combine(settings.OutDir, "scale.gcdump"));
        if (heap is not null) Console.WriteLine($"  live managed heap after a full GC: {heap:F1} MB (types: {Path.Combine(settings.OutDir, "scale.gcdump.txt")})");
        Console.WriteLine($"  RSS after the dump's full GC: {ProcMemory.Read(host.Pid)}");
        report.Check($"Scale: RSS, {sites.Count} tenants warm", memory.RssMb, "MB", "<", 400);

        var tenant = sites[sites.Count / 2].Name;
        Report.Section($"Scale: cached {tenant} home vs bare Kestrel, same bytes (wrk -t{settings.WrkThreads} -c{settings.WrkConnections} -d{settings.WrkSeconds}s, best of {settings.WrkRounds})");
        var comparison = await Throughput.CompareAsync(settings, http, host.Port, tenant);
        report.Check($"Scale: PD home req/s ÷ bare Kestrel req/s, {sites.Count} tenants", comparison.Ratio, "", ">=", 0.7);
    }

    private static async Task<double> CpuRateAsync(int pid, TimeSpan window)
    {
        var before = ProcCpu.Ms(pid);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        return (ProcCpu.Ms(pid) - before) / clock.Elapsed.TotalSeconds;
    }
}
