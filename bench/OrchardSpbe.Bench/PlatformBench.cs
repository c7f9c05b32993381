namespace OrchardSpbe.Bench;

/// <summary>
/// Figures 1–6 (see bench/RESULTS.md): memory with half the tenants (child A) → N starts with all tenants
/// (start-up time) → on the last start: first request per tenant, memory with all tenants, creations via
/// the API, and the anonymous PD home against bare Kestrel with wrk.
/// </summary>
public static class PlatformBench
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(BenchSettings settings, string appData, string halfAppData, int half,
        IReadOnlyList<PdSite> seeded, IReadOnlyList<PdSite> extra, Report report)
    {
        Report.Section($"Memory, {half} tenants warm (separate host on the snapshot)");
        ProcMemory halfMemory;
        await using (var small = HostProcess.Start(settings, halfAppData, Path.Combine(settings.OutDir, $"host-{half}.log")))
        {
            using var smallHttp = new SiteHttp(small.Port);
            await small.WaitForPortalAsync(smallHttp, StartTimeout);
            foreach (var site in seeded.Take(half)) await smallHttp.TimedGetAsync(smallHttp.Url(site.Name));
            halfMemory = await SettledMemoryAsync(settings, small.Pid);
        }
        Console.WriteLine($"  {halfMemory}");

        Report.Section($"Start-up, {settings.Tenants} tenants: launch → portal's first 200, {settings.Starts} starts");
        var startMs = new List<double>();
        HostProcess? last = null;
        for (var i = 1; i <= settings.Starts; i++)
        {
            var started = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"host-{settings.Tenants}-start{i}.log"));
            try
            {
                using var probe = new SiteHttp(started.Port);
                startMs.Add((await started.WaitForPortalAsync(probe, StartTimeout)).TotalMilliseconds);
            }
            catch
            {
                await started.DisposeAsync(); // never leave a host running behind a failed run
                throw;
            }
            Console.WriteLine($"  start {i}: {startMs[^1]:F0} ms");
            if (i < settings.Starts) await started.DisposeAsync();
            else last = started;
        }
        await using var host = last!;
        using var http = new SiteHttp(host.Port);
        report.Check($"Start → portal's first 200 (median of {settings.Starts})", Stats.Median(startMs), "ms", "<", 2000);

        Report.Section("First GET / of each tenant after start (sequential)");
        var firstMs = new List<(string Tenant, double Ms)>();
        foreach (var site in seeded) firstMs.Add((site.Name, (await http.TimedGetAsync(http.Url(site.Name))).TotalMilliseconds));
        var firstValues = firstMs.Select(f => f.Ms).ToList();
        var slowest = firstMs.MaxBy(f => f.Ms);
        Console.WriteLine($"  p50 {Stats.Percentile(firstValues, 50):F1} ms, p95 {Stats.Percentile(firstValues, 95):F1} ms, max {slowest.Ms:F1} ms ({slowest.Tenant})");
        report.Check($"First request per tenant, p95 of {seeded.Count}", Stats.Percentile(firstValues, 95), "ms", "<", 100);

        Report.Section($"Memory, {settings.Tenants} tenants warm");
        var fullMemory = await SettledMemoryAsync(settings, host.Pid);
        var perTenant = (fullMemory.RssMb - halfMemory.RssMb) / (settings.Tenants - half);
        Console.WriteLine($"  {fullMemory}");
        Console.WriteLine($"  per added tenant: ({fullMemory.RssMb:F1} − {halfMemory.RssMb:F1}) / {settings.Tenants - half} = {perTenant:F2} MB");
        report.Check($"RSS, {settings.Tenants} tenants warm", fullMemory.RssMb, "MB", "<", 400);
        report.Check($"RSS per added tenant ({half} → {settings.Tenants})", perTenant, "MB", "<", 2);

        if (extra.Count > 0)
        {
            Report.Section($"Create + set up {extra.Count} tenants via POST /api/tenants (pd-site recipe)");
            var api = new TenantApi(http);
            await api.SignInAsync();
            var createMs = new List<double>();
            foreach (var site in extra)
            {
                createMs.Add((await api.CreateAsync(site)).TotalMilliseconds);
                await http.TimedGetAsync(http.Url(site.Name)); // it serves at once, or the creation did not finish
                Console.WriteLine($"  {site.Name}: {createMs[^1]:F0} ms");
            }
            report.Check($"Create + set up a tenant, median of {createMs.Count}", Stats.Median(createMs), "ms", "<", 1000);
            report.Check($"Create + set up a tenant, max of {createMs.Count}", createMs.Max(), "ms", "<", 1000);
        }

        var wrkTenant = seeded.Any(s => s.Name == settings.WrkTenant) ? settings.WrkTenant : seeded[0].Name;
        Report.Section($"Throughput: anonymous {wrkTenant} home vs bare Kestrel serving the same bytes " +
                       $"(wrk -t{settings.WrkThreads} -c{settings.WrkConnections} -d{settings.WrkSeconds}s, best of {settings.WrkRounds})");
        var comparison = await Throughput.CompareAsync(settings, http, host.Port, wrkTenant);
        report.Check("PD home req/s ÷ bare Kestrel req/s", comparison.Ratio, "", ">=", 0.6);
    }

    // No way to force a GC in another process from here: a short quiet wait lets start-up and warm-up
    // allocations settle (background GC, tiered JIT) before the kernel's count is read.
    private static async Task<ProcMemory> SettledMemoryAsync(BenchSettings settings, int pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds));
        return ProcMemory.Read(pid);
    }
}
