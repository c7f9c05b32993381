using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OrchardSpbe.Testing;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 12 §5, run by hand (`bench/run.sh --only soak`): two nodes on PostgreSQL and Redis serve the portal and
/// --soak-tenants PD sites to --soak-clients clients for --soak-seconds. Each client picks, at random, a node and a
/// request of the mix below (weights in parentheses); every answer other than the expected one is an error.
///   anonymous pages: portal home, PD home, news, profile, agenda (55) · searches on a PD and on the portal (15) ·
///   RSS/Atom feeds (10) · an editor saves a draft news item (12) · an author submits and the PD head approves (8).
/// Reported: errors, p50/p95/p99 per kind and overall, each node's RSS at the start, at minute 2 and at the end, and
/// (when dotnet-gcdump is installed) each node's live managed heap at minute 2 and at the end, with the dumps kept.
/// </summary>
public static class SoakBench
{
    private static readonly string[] Words = ["pelayanan", "kesehatan", "sekolah", "posyandu", "perizinan", "jalan", "bantuan", "pajak"];

    public static async Task RunAsync(BenchSettings settings, Report report)
    {
        var sites = PdSites.Take(settings.SoakTenants);
        var editorial = sites.Take(Math.Min(8, sites.Count)).Select(s => s.Name).ToList();
        Report.Section($"Soak: PostgreSQL + Redis, two nodes, portal + {sites.Count} PD sites (pd-site recipe, in-process)");
        await StatisticsSeeder.DropSchemasAsync(settings.Postgres);
        var clock = Stopwatch.StartNew();
        await StatisticsSeeder.CreateTenantsAsync(settings, Path.Combine(settings.OutDir, "soak-seed"), sites);
        Console.WriteLine($"  tenants created in {clock.Elapsed.TotalSeconds:F1} s");

        await using var nodeA = HostProcess.Start(settings, Path.Combine(settings.OutDir, "soak-node-a"), Path.Combine(settings.OutDir, "host-soak-a.log"), StatisticsSeeder.DatabaseArgs(settings));
        await using var nodeB = HostProcess.Start(settings, Path.Combine(settings.OutDir, "soak-node-b"), Path.Combine(settings.OutDir, "host-soak-b.log"), StatisticsSeeder.DatabaseArgs(settings));
        HostProcess[] nodes = [nodeA, nodeB];
        foreach (var node in nodes)
        {
            using var probe = new SiteHttp(node.Port);
            await node.WaitForPortalAsync(probe, TimeSpan.FromMinutes(5));
        }

        // Each editorial PD gets a head (Reviewer); authors and heads sign in once, on alternate nodes.
        var desks = new List<Desk>();
        foreach (var (pd, i) in editorial.Select((pd, i) => (pd, i)))
        {
            var node = nodes[i % 2];
            var admin = new SiteClient(node.Port);
            await admin.SignInAsync(Url(node, pd, "/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
            var users = await admin.SubmitAsync(Url(node, pd, "/admin/recipes"), "form.card", new Dictionary<string, string>
            {
                ["json"] = $$"""{ "name": "kepala", "steps": [ { "name": "users", "users": [ { "userName": "kepala", "email": "kepala@{{pd}}.bekasikota.go.id", "password": "{{BenchSettings.AdminPassword}}", "roles": ["Reviewer"] } ] } ] }""",
            });
            if (users.Errors.Count > 0) throw new InvalidOperationException("Recipe: " + string.Join("; ", users.Errors));
            var head = new SiteClient(nodes[(i + 1) % 2].Port);
            await head.SignInAsync(Url(nodes[(i + 1) % 2], pd, "/"), "kepala", BenchSettings.AdminPassword);
            desks.Add(new Desk(pd, node, admin, nodes[(i + 1) % 2], head));
        }

        var anonymous = nodes.Select(n => new SiteHttp(n.Port)).ToArray();
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var samples = new List<(double Minute, double A, double B)>();
        // RSS counts the Lucene index files the nodes map into memory (file pages the kernel can reclaim) as well as
        // the process's own memory (anonymous pages): both are kept at minute 2 and at the end, to tell them apart.
        var split = new List<(string When, ProcMemory A, ProcMemory B)>();
        var deadline = TimeSpan.FromSeconds(settings.SoakSeconds);
        var run = Stopwatch.StartNew();
        Report.Section($"Soak: {settings.SoakClients} clients for {settings.SoakSeconds} s, both nodes at random");

        async Task ClientAsync(int seed)
        {
            var random = new Random(seed);
            var serial = 0;
            while (run.Elapsed < deadline)
            {
                var roll = random.Next(100);
                var n = random.Next(2);
                var pd = sites[random.Next(sites.Count)].Name;
                var (kind, work) = roll switch
                {
                    < 55 => ("page", (Func<Task<bool>>)(() => random.Next(5) == 0
                        ? OkAsync(anonymous[n], Url(nodes[n], null, PortalPaths[random.Next(PortalPaths.Length)]), failures)
                        : OkAsync(anonymous[n], Url(nodes[n], pd, PdPaths[random.Next(PdPaths.Length)]), failures))),
                    < 70 => ("search", () => OkAsync(anonymous[n], Url(nodes[n], random.Next(3) == 0 ? null : pd, "/search?q=" + Words[random.Next(Words.Length)]), failures)),
                    < 80 => ("feed", () => OkAsync(anonymous[n], Url(nodes[n], random.Next(4) == 0 ? null : pd, random.Next(2) == 0 ? "/feeds/berita.rss" : "/feeds/agenda.atom"), failures)),
                    < 92 => ("edit", () => EditAsync(desks[random.Next(desks.Count)], $"Draf soak {seed}-{++serial}")),
                    _ => ("approval", () => ApproveAsync(desks[random.Next(desks.Count)], $"Berita soak {seed}-{++serial}")),
                };
                var watch = Stopwatch.StartNew();
                bool ok;
                try { ok = await work(); }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    failures.Enqueue($"{kind}: {exception.GetType().Name} {exception.Message}");
                    ok = false;
                }
                watch.Stop();
                latencies.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                if (!ok) errors.AddOrUpdate(kind, 1, (_, c) => c + 1);
            }
        }

        var heaps = new List<(string When, double? A, double? B)>();
        async Task DumpHeapsAsync(string when) => heaps.Add((when,
            await GcDump.CollectAsync(nodeA.Pid, Path.Combine(settings.OutDir, $"soak-a-{when}.gcdump")),
            await GcDump.CollectAsync(nodeB.Pid, Path.Combine(settings.OutDir, $"soak-b-{when}.gcdump"))));
        var memory = Task.Run(async () =>
        {
            var dumped = false;
            while (run.Elapsed < deadline)
            {
                lock (samples) samples.Add((run.Elapsed.TotalMinutes, ProcMemory.Read(nodeA.Pid).RssMb, ProcMemory.Read(nodeB.Pid).RssMb));
                if (!dumped && run.Elapsed.TotalMinutes >= 2 && deadline.TotalMinutes > 3)
                {
                    dumped = true;
                    split.Add(("minute2", ProcMemory.Read(nodeA.Pid), ProcMemory.Read(nodeB.Pid)));
                    await DumpHeapsAsync("minute2");
                }
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
        });
        await Task.WhenAll(Enumerable.Range(0, settings.SoakClients).Select(i => Task.Run(() => ClientAsync(20261126 + i))).Append(memory));
        lock (samples) samples.Add((run.Elapsed.TotalMinutes, ProcMemory.Read(nodeA.Pid).RssMb, ProcMemory.Read(nodeB.Pid).RssMb));
        split.Add(("end", ProcMemory.Read(nodeA.Pid), ProcMemory.Read(nodeB.Pid)));
        if (heaps.Count > 0) await DumpHeapsAsync("end");

        var all = latencies.Values.SelectMany(v => v).ToList();
        foreach (var (kind, values) in latencies.OrderBy(k => k.Key))
            Console.WriteLine($"  {kind,-9} {values.Count,7:N0} requests, {errors.GetValueOrDefault(kind),4} errors; p50 {Stats.Percentile(values.ToList(), 50):F1} ms, p95 {Stats.Percentile(values.ToList(), 95):F1} ms, p99 {Stats.Percentile(values.ToList(), 99):F1} ms");
        Console.WriteLine($"  all       {all.Count,7:N0} requests in {run.Elapsed.TotalSeconds:F0} s ({all.Count / run.Elapsed.TotalSeconds:F0}/s); p50 {Stats.Percentile(all, 50):F1} ms, p95 {Stats.Percentile(all, 95):F1} ms, p99 {Stats.Percentile(all, 99):F1} ms");
        foreach (var failure in failures.Take(10)) Console.WriteLine("  error: " + failure);
        var start = samples[0];
        var minute2 = samples.FirstOrDefault(s => s.Minute >= 2, samples[^1]);
        var end = samples[^1];
        Console.WriteLine($"  RSS node A: {start.A:F0} MB at start, {minute2.A:F0} MB at minute {minute2.Minute:F1}, {end.A:F0} MB at the end; node B: {start.B:F0} / {minute2.B:F0} / {end.B:F0} MB; load average {Machine.LoadAverage}");
        foreach (var (when, a, b) in split)
            Console.WriteLine($"  {when}: node A {a}; node B {b}");
        foreach (var (when, a, b) in heaps)
            Console.WriteLine($"  live managed heap after a full GC ({when}): node A {a:F1} MB, node B {b:F1} MB (dumps and type reports in {settings.OutDir}/soak-*.gcdump*)");
        report.Check($"Soak, {settings.SoakClients} clients × {settings.SoakSeconds} s, two nodes: errors", errors.Values.Sum(), "", "<", 1);
        report.Check("Soak: RSS growth between minute 2 and the end, node A", (end.A - minute2.A) / minute2.A * 100, "%", "<", 10);
        report.Check("Soak: RSS growth between minute 2 and the end, node B", (end.B - minute2.B) / minute2.B * 100, "%", "<", 10);
        foreach (var client in anonymous) client.Dispose();
        foreach (var desk in desks) { desk.Author.Dispose(); desk.Head.Dispose(); }
    }

    private static readonly string[] PortalPaths = ["/", "/", "/berita", "/agenda", "/perangkat-daerah"];
    private static readonly string[] PdPaths = ["/", "/", "/berita", "/profil", "/agenda"];

    private static Uri Url(HostProcess node, string? pd, string path) => new($"http://{(pd is null ? "" : pd + ".")}localhost:{node.Port}{path}");

    private static async Task<bool> OkAsync(SiteHttp http, Uri url, ConcurrentQueue<string> failures)
    {
        using var response = await http.Http.GetAsync(url);
        await response.Content.LoadIntoBufferAsync();
        if (response.StatusCode == HttpStatusCode.OK) return true;
        failures.Enqueue($"{(int)response.StatusCode} {url}");
        return false;
    }

    /// <summary>An editor saves a new draft news item (the editor form, then its POST and the redirect to the saved item).</summary>
    private static async Task<bool> EditAsync(Desk desk, string title)
    {
        var saved = await desk.Author.SubmitAsync(Url(desk.AuthorNode, desk.Pd, "/admin/contents/create/Article"), "form.content-editor",
            new Dictionary<string, string> { ["TitlePart.Title"] = title, ["BodyPart.Html"] = "<p>Uji ketahanan.</p>", ["submit"] = "draft" });
        return saved.Status == HttpStatusCode.OK && saved.Errors.Count == 0;
    }

    /// <summary>The author submits a news item; the head, on the other node, finds the task and approves it.</summary>
    private static async Task<bool> ApproveAsync(Desk desk, string title)
    {
        var submitted = await desk.Author.SubmitAsync(Url(desk.AuthorNode, desk.Pd, "/admin/contents/create/Article"), "form.content-editor",
            new Dictionary<string, string> { ["TitlePart.Title"] = title, ["BodyPart.Html"] = "<p>Mohon disetujui.</p>", ["submit"] = "submit" });
        if (submitted.Status != HttpStatusCode.OK || submitted.Errors.Count > 0) return false;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var tasks = await desk.Head.OpenAsync(Url(desk.HeadNode, desk.Pd, "/admin/tasks"));
            var link = tasks.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains(title))?.GetAttribute("href");
            if (link is not null)
            {
                var review = await desk.Head.OpenAsync(Url(desk.HeadNode, desk.Pd, link));
                var decided = await review.SubmitAsync(desk.Head, "form.decision-form", new Dictionary<string, string> { ["comment"] = "Setuju." });
                return decided.Status == HttpStatusCode.OK && decided.Errors.Count == 0;
            }
            await Task.Delay(100); // the task is on the other node's page once the signal arrives
        }
        return false;
    }

    private sealed record Desk(string Pd, HostProcess AuthorNode, SiteClient Author, HostProcess HeadNode, SiteClient Head);
}
