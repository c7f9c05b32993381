using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 4's approval figures. In-process, through the admin's services: a reviewer and an author in each of
/// the first 30 PDs, 10,000 approved (finished) instances in one PD's history, and 1,000 instances waiting on
/// the reviewer's "tinjau" task spread over the 30 PDs (plus a few more for warm-up). Then a fresh host (with
/// Server-Timing on), every reviewer signed in through their PD's /admin/login, and with a fixed number of
/// concurrent clients: the "Tugas saya" inbox of the PD with the history (and its dashboard as the floor), then
/// the approval of every waiting task, each POST /admin/tasks/{id}/setujui on its own task.
/// </summary>
public static partial class WorkflowBench
{
    public static async Task RunAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> seeded, Report report)
    {
        var tenants = seeded.Take(settings.WorkflowTenants).Select(s => s.Name).ToList();
        var historyTenant = tenants.Contains(settings.WorkflowTenant) ? settings.WorkflowTenant : tenants[0];
        var totalWaiting = settings.WorkflowWaiting + settings.WorkflowWarmup;
        var waiting = tenants.Select((t, i) => (t, n: totalWaiting / tenants.Count + (i < totalWaiting % tenants.Count ? 1 : 0)))
            .ToDictionary(x => x.t, x => x.n);

        Report.Section($"Workflows: seeding {settings.WorkflowHistory} approved instances in {historyTenant}, then " +
                       $"{totalWaiting} waiting for review over {tenants.Count} PDs ({settings.WorkflowWaiting} + {settings.WorkflowWarmup} for warm-up; in-process, ContentManager.SubmitAsync + TaskDecisions.DecideAsync)");
        var seeding = await WorkflowSeeder.SeedAsync(settings, appData, tenants, historyTenant, settings.WorkflowHistory, waiting);
        Console.WriteLine($"  {seeding.Finished} drafts submitted and approved in {seeding.FinishedElapsed.TotalSeconds:F1} s: {seeding.FinishedPerSecond:F0} approvals/s");
        Console.WriteLine($"  {seeding.Waiting} drafts submitted (waiting) in {seeding.WaitingElapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  {historyTenant}: instances {InstanceCounts(appData, historyTenant)}");

        await using var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, "host-workflows.log"), ["--Spbe:Hosting:ServerTiming=true"]);
        using var http = new SiteHttp(host.Port);
        var started = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(2));
        Console.WriteLine($"  host started in {started.TotalMilliseconds:F0} ms; signing in as '{WorkflowSeeder.ReviewerUserName}' (Reviewer) on {tenants.Count} PDs");
        var api = new TenantApi(http);
        foreach (var tenant in tenants) await api.SignInAsync(tenant, WorkflowSeeder.ReviewerUserName, WorkflowSeeder.Password);

        // --- the inbox, in the PD holding the history, while every PD has its waiting tasks ---------------------
        var clients = settings.WorkflowClients;
        var inboxCount = settings.LatencyWarmup + settings.LatencyRequests;
        var inboxPage = await http.Http.GetStringAsync(http.Url(historyTenant, "/admin/tasks"));
        var rows = TaskRow().Matches(inboxPage).Count;
        if (rows == 0) throw new InvalidOperationException($"The inbox of {historyTenant} shows no task");
        Console.WriteLine($"  inbox of {historyTenant}: {rows} rows on page 1 of {waiting[historyTenant]} open tasks, {inboxPage.Length / 1024.0:F1} KB");

        Report.Section($"Baseline: admin dashboard of {historyTenant}, signed in as the reviewer: GET /admin ({clients} concurrent clients)");
        var cpu = ProcCpu.Ms(host.Pid);
        var dashboard = await ConcurrentAsync(clients, settings.LatencyWarmup, Enumerable.Range(0, inboxCount)
            .Select(_ => (Func<Task<Timing>>)(() => http.TimedAsync(HttpMethod.Get, http.Url(historyTenant, "/admin"), null, HttpStatusCode.OK))).ToList());
        Console.WriteLine($"  {dashboard}; host CPU {(ProcCpu.Ms(host.Pid) - cpu) / inboxCount:F1} ms a request");

        Report.Section($"\"Tugas saya\" inbox of {historyTenant} ({settings.WorkflowHistory} finished instances in its history), signed in as the reviewer: GET /admin/tasks ({clients} concurrent clients)");
        cpu = ProcCpu.Ms(host.Pid);
        var inbox = await ConcurrentAsync(clients, settings.LatencyWarmup, Enumerable.Range(0, inboxCount)
            .Select(_ => (Func<Task<Timing>>)(() => http.TimedAsync(HttpMethod.Get, http.Url(historyTenant, "/admin/tasks"), null, HttpStatusCode.OK))).ToList());
        Console.WriteLine($"  {inbox}; host CPU {(ProcCpu.Ms(host.Pid) - cpu) / inboxCount:F1} ms a request");
        report.Check($"Tugas saya inbox, {settings.WorkflowHistory} finished, p95 server", inbox.Server.P95, "ms", "<", 30);

        // --- approvals: every waiting task, each its own POST, in a random order over the PDs --------------------
        var tokens = new Dictionary<string, string>();
        foreach (var tenant in tenants)
        {
            var show = await http.Http.GetStringAsync(http.Url(tenant, $"/admin/tasks/{seeding.OpenTasks[tenant][0]}"));
            tokens[tenant] = FormToken().Match(show) is { Success: true } m ? m.Groups[1].Value
                : throw new InvalidOperationException($"No antiforgery field on the task page of {tenant}");
        }
        var random = new Random(20261123);
        var all = seeding.OpenTasks.SelectMany(t => t.Value.Select(id => (Tenant: t.Key, TaskId: id))).OrderBy(_ => random.Next()).ToList();
        Report.Section($"Approval: POST /admin/tasks/{{id}}/setujui as the reviewer, each on a different waiting task, " +
                       $"{all.Count} over {tenants.Count} PDs in random order, the first {settings.WorkflowWarmup} as warm-up ({clients} concurrent clients)");
        var clock = Stopwatch.StartNew();
        cpu = ProcCpu.Ms(host.Pid);
        var approvals = await ConcurrentAsync(clients, settings.WorkflowWarmup, all.Select(t => (Func<Task<Timing>>)(() =>
            http.TimedAsync(HttpMethod.Post, http.Url(t.Tenant, $"/admin/tasks/{t.TaskId}/setujui"), new Dictionary<string, string>
            {
                ["comment"] = "",
                ["versionId"] = seeding.TaskVersions[t.TaskId],
                ["__RequestVerificationToken"] = tokens[t.Tenant],
            }, HttpStatusCode.Redirect))).ToList());
        clock.Stop();
        Console.WriteLine($"  {approvals}");
        Console.WriteLine($"  {all.Count} approvals in {clock.Elapsed.TotalSeconds:F1} s: {all.Count / clock.Elapsed.TotalSeconds:F0} approvals/s; host CPU {(ProcCpu.Ms(host.Pid) - cpu) / all.Count:F1} ms an approval; load average {Machine.LoadAverage}");
        Console.WriteLine($"  {historyTenant}: instances {InstanceCounts(appData, historyTenant)}");
        report.Check($"Approval action, {settings.WorkflowWaiting} waiting over {tenants.Count} PDs, p95 server", approvals.Server.P95, "ms", "<", 50);
    }

    /// <summary>
    /// Runs the requests with <paramref name="clients"/> at a time (each client takes the next one when done); the first
    /// <paramref name="warmup"/> are not counted.
    /// </summary>
    private static async Task<ConcurrentTimings> ConcurrentAsync(int clients, int warmup, IReadOnlyList<Func<Task<Timing>>> requests)
    {
        // The warm-up first, then the measured ones, so no measured request overlaps a warm-up one.
        var warm = Math.Min(warmup, requests.Count - 1);
        var counted = requests.Skip(warm).ToList();
        var measured = new Timing[counted.Count];
        await RunAsync(clients, requests.Take(warm).ToList(), new Timing[warm]);
        await RunAsync(clients, counted, measured);
        return new ConcurrentTimings(clients, measured);
    }

    private static async Task RunAsync(int clients, IReadOnlyList<Func<Task<Timing>>> requests, Timing[] into)
    {
        var next = -1;
        async Task Client()
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
                into[i] = await requests[i]();
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client)));
    }

    private static string InstanceCounts(string appData, string tenant)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "Sites", tenant, "site.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM workflow_instances GROUP BY status ORDER BY status";
        using var reader = command.ExecuteReader();
        var counts = new List<string>();
        while (reader.Read()) counts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        return string.Join(", ", counts);
    }

    [GeneratedRegex("href=\"[^\"]*/admin/tasks/[^\"/?]+\"")]
    private static partial Regex TaskRow();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

/// <summary>One request: what the client waited (loopback, whole body read) and what the server says it took (Server-Timing).</summary>
public readonly record struct Timing(double ClientMs, double ServerMs, int Bytes);

/// <summary>The counted requests of a concurrent run, server- and client-side.</summary>
public sealed record ConcurrentTimings(int Clients, IReadOnlyList<Timing> Requests)
{
    public Latency Server => new(Requests.Select(r => r.ServerMs).ToList(), Requests.Average(r => r.Bytes));
    public Latency Client => new(Requests.Select(r => r.ClientMs).ToList(), Requests.Average(r => r.Bytes));

    public override string ToString() => FormattableString.Invariant(
        $"server (Server-Timing) p50 {Server.P50:F1}, p95 {Server.P95:F1}, max {Server.Max:F1} ms; client round-trip p50 {Client.P50:F1}, p95 {Client.P95:F1}, max {Client.Max:F1} ms; {Requests.Count} requests, {Requests.Average(r => r.Bytes) / 1024:F1} KB each");
}
