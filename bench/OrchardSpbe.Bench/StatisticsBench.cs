using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrchardSpbe.Testing;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 10's figures, on PostgreSQL (one schema per tenant) and Redis: the PDs are created in-process, their
/// accepted statistics COPYed into the tables (<see cref="StatisticsSeeder"/>); then the real host runs as a separate
/// process (node A) and, for the hand-over, a second one (node B) on the same schemas and Redis with its own
/// App_Data (its own search indexes). Reads: the portal's cross-PD indicator search at 16 clients, one indicator's
/// full series from the API, the compliance board signed in as the portal's admin, each with a trivial endpoint
/// (/health/live) measured the same way in the same run as the baseline. Writes, through the real HTTP flows of
/// the admin: an import of a million values (wall time, and the host's RSS read from /proc while it runs) and the
/// monthly hand-over, timed from the verifier's accept on node A until node B's search and API show the indicator.
/// </summary>
public static class StatisticsBench
{
    public static async Task RunAsync(BenchSettings settings, Report report)
    {
        var sites = PdSites.Take(settings.StatTenants);
        var importPd = sites[0].Name;
        var handover = sites.Skip(1).Take(settings.StatHandovers).Select(s => s.Name).ToList();
        var appA = Path.Combine(settings.OutDir, "stat-node-a");
        var appB = Path.Combine(settings.OutDir, "stat-node-b");

        Report.Section($"Statistics: PostgreSQL schemas {StatisticsSeeder.SchemaPrefix}*, {sites.Count} PD tenants (pd-site recipe, in-process)");
        await StatisticsSeeder.DropSchemasAsync(settings.Postgres);
        var clock = Stopwatch.StartNew();
        await StatisticsSeeder.CreateTenantsAsync(settings, appA, sites);
        Console.WriteLine($"  tenants created in {clock.Elapsed.TotalSeconds:F1} s");
        var series = Math.Min(settings.StatSeriesIndicators, settings.StatIndicators);
        Report.Section($"Statistics: COPY of {settings.StatIndicators} indicators per PD ({series} with {settings.StatYears} years × 12 months × 13 areas each) and {sites.Count} PDs' board");
        var seeded = await StatisticsSeeder.SeedAsync(settings, sites, handover.ToHashSet());
        Console.WriteLine($"  {seeded.Indicators:N0} indicators, {seeded.Observations:N0} observations, {seeded.Submissions:N0} board submissions in {seeded.Elapsed.TotalSeconds:F1} s " +
                          $"({seeded.Observations / seeded.Elapsed.TotalSeconds:N0} observations/s with the index build)");

        await using var nodeA = HostProcess.Start(settings, appA, Path.Combine(settings.OutDir, "host-stat-a.log"), StatisticsSeeder.DatabaseArgs(settings));
        using var http = new SiteHttp(nodeA.Port);
        var started = await nodeA.WaitForPortalAsync(http, TimeSpan.FromMinutes(3));
        var expected = (long)sites.Count * settings.StatIndicators;
        var indexed = await WaitForIndicatorsAsync(http, expected, TimeSpan.FromMinutes(15));
        Console.WriteLine($"  node A up after {started.TotalSeconds:F1} s; the portal's search holds all {expected:N0} indicators {indexed.TotalSeconds:F1} s after launch");
        // The last of the build (segment merges, commits) keeps the host busy for a while after the count is complete:
        // the reads are measured once its background is back near rest.
        var settled = await SettleAsync(nodeA, TimeSpan.FromMinutes(3));
        Console.WriteLine($"  host settled {settled.Wait.TotalSeconds:F0} s later: background {settled.RateMsPerS:F0} ms of CPU a second");

        // 1. Cross-PD indicator search.
        Report.Section($"Cross-PD indicator search on the portal: {settings.SearchClients} clients, /api/search?q=…&type=Indicator ({settings.StatRequests} requests)");
        var random = new Random(20261126);
        var words = StatisticsSeeder.SearchWords;
        Uri NextSearch() => http.Url(null, "/api/search?type=Indicator&q=" + Uri.EscapeDataString(words[random.Next(words.Count)]) + (random.Next(4) == 0 ? "&page=2" : ""));
        var health = http.Url(null, "/health/live");
        await ConcurrentAsync(http, Enumerable.Range(0, 200).Select(_ => NextSearch()).ToList(), settings.SearchClients);
        // The host's background work (every index's catch-up tick) measured idle for 3 s, to tell it from the requests'.
        var idleCpu = ProcCpu.Ms(nodeA.Pid);
        await Task.Delay(3000);
        var idleRate = (ProcCpu.Ms(nodeA.Pid) - idleCpu) / 3000;
        var searchClock = Stopwatch.StartNew();
        var cpu = ProcCpu.Ms(nodeA.Pid);
        var search = new Latency(await ConcurrentAsync(http, Enumerable.Range(0, settings.StatRequests).Select(_ => NextSearch()).ToList(), settings.SearchClients), 0);
        var searchCpu = (ProcCpu.Ms(nodeA.Pid) - cpu) / settings.StatRequests;
        var searchCpuNet = searchCpu - idleRate * searchClock.Elapsed.TotalMilliseconds / settings.StatRequests;
        await ConcurrentAsync(http, Enumerable.Range(0, 200).Select(_ => health).ToList(), settings.SearchClients);
        var healthConcurrent = new Latency(await ConcurrentAsync(http, Enumerable.Range(0, settings.StatRequests).Select(_ => health).ToList(), settings.SearchClients), 0);
        Console.WriteLine($"  search: {search}; host CPU {searchCpuNet:F2} ms a request ({searchCpu:F2} with the background's {idleRate * 1000:F0} ms/s)\n  baseline /health/live, same clients: {healthConcurrent}");
        report.Check($"Cross-PD indicator search, {settings.SearchClients} clients, p95 ({expected:N0} indicators)", search.P95, "ms", "<", 20);

        // 2. One indicator's full series, JSON. Mostly different series, so mostly uncached; the Authorization header keeps the page cache out.
        Report.Section($"One indicator's full series: /api/statistik/data/{{pd}}/{{code}}?pageSize=10000, one at a time ({settings.StatLatencyRequests} requests, random series)");
        Uri NextSeries() => http.Url(null, $"/api/statistik/data/{sites[random.Next(sites.Count)].Name}/{StatisticsSeeder.CodeOf(random.Next(series))}?pageSize=10000");
        var sample = await http.Http.GetFromJsonAsync<JsonElement>(NextSeries());
        var perSeries = sample.GetProperty("observations").GetArrayLength();
        var warmSeries = Enumerable.Range(0, 30).Select(_ => NextSeries()).ToList();
        foreach (var url in warmSeries) await http.TimedGetAsync(url, bypassCache: true);
        cpu = ProcCpu.Ms(nodeA.Pid);
        var seriesLatency = await Latency.MeasureAsync(http, [], Enumerable.Range(0, settings.StatLatencyRequests).Select(_ => NextSeries()).ToList(), bypassCache: true);
        var seriesCpu = (ProcCpu.Ms(nodeA.Pid) - cpu) / settings.StatLatencyRequests - idleRate * seriesLatency.Ms.Sum() / settings.StatLatencyRequests;
        var healthOne = await Latency.MeasureAsync(http, Enumerable.Range(0, 30).Select(_ => health).ToList(),
            Enumerable.Range(0, settings.StatLatencyRequests).Select(_ => health).ToList(), bypassCache: true);
        Console.WriteLine($"  {perSeries} observations a series; {seriesLatency}; host CPU {seriesCpu:F2} ms a request net of the background\n  baseline /health/live, one at a time: {healthOne}");
        report.Check($"One indicator's full series ({perSeries} observations) as JSON, p95", seriesLatency.P95, "ms", "<", 30);

        // 3. The compliance board, signed in as the portal's administrator.
        Report.Section($"Compliance board /admin/statistik/kepatuhan, {sites.Count} PDs × 12 months, portal admin, one at a time ({settings.StatLatencyRequests} requests)");
        using (var admin = new SiteHttp(nodeA.Port))
        {
            await new TenantApi(admin).SignInAsync();
            var board = admin.Url(null, "/admin/statistik/kepatuhan");
            var html = await admin.Http.GetStringAsync(board);
            var rows = html.Split("data-pd=").Length - 1;
            foreach (var _ in Enumerable.Range(0, 20)) await admin.TimedGetAsync(board);
            cpu = ProcCpu.Ms(nodeA.Pid);
            var boardLatency = await Latency.MeasureAsync(admin, [], Enumerable.Range(0, settings.StatLatencyRequests).Select(_ => board).ToList(), bypassCache: false);
            var boardCpu = (ProcCpu.Ms(nodeA.Pid) - cpu) / settings.StatLatencyRequests - idleRate * boardLatency.Ms.Sum() / settings.StatLatencyRequests;
            Console.WriteLine($"  {rows} data-pd attributes on the page; {boardLatency}; host CPU {boardCpu:F2} ms a request net of the background; load average {Machine.LoadAverage}");
            report.Check($"Compliance board, {sites.Count} PDs × 12 months, p95", boardLatency.P95, "ms", "<", 50);
        }

        // 4. A million values through the admin import.
        await ImportAsync(settings, nodeA, importPd, report);

        // 5. The hand-over seen on another node.
        await HandoverAsync(settings, nodeA, appB, handover, report);
    }

    private static async Task ImportAsync(BenchSettings settings, HostProcess node, string pd, Report report)
    {
        Report.Section($"Import of {settings.StatImportValues:N0} values on {pd}: upload CSV → check → confirm → written (admin HTTP flow)");
        var port = node.Port;
        Uri Url(string path) => new($"http://{pd}.localhost:{port}{path}");
        using var pdAdmin = new SiteClient(port);
        await pdAdmin.SignInAsync(Url("/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
        await AddUsersAsync(pdAdmin, Url("/admin/recipes"), pd, ("petugas", "DataOfficer"));
        var disaggregations = new[] { "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45+" };
        var indicatorId = await CreateIndicatorAsync(pdAdmin, Url, "IMPOR-BESAR", "Penduduk menurut kelompok umur dan kelurahan", "kelurahan", string.Join("\n", disaggregations));
        using var officer = new SiteClient(port);
        await officer.SignInAsync(Url("/"), "petugas", Password);

        // Every area of the city (city, kecamatan, kelurahan) × the total and 10 age groups × monthly periods from 1900.
        var areas = ReadAreaCodes(settings);
        var csv = new StringBuilder("periode,wilayah,disagregasi,nilai,status\n");
        var rows = 0;
        for (var year = 1900; rows < settings.StatImportValues; year++)
            for (var month = 1; month <= 12 && rows < settings.StatImportValues; month++)
                foreach (var area in areas)
                    foreach (var d in disaggregations.Prepend(""))
                    {
                        if (rows == settings.StatImportValues) break;
                        csv.Append(CultureInfo.InvariantCulture, $"{year}-M{month:D2},{area},{d},{(rows * 7) % 10007},tetap\n");
                        rows++;
                    }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        csv.Clear();
        Console.WriteLine($"  {rows:N0} rows ({areas.Count} areas × {disaggregations.Length + 1} disaggregations × months from 1900), {bytes.Length / 1024.0 / 1024:F1} MB CSV");

        await Task.Delay(2000);
        var before = ProcMemory.Read(node.Pid);
        double peakRss = before.RssMb;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ProcMemory.Read(node.Pid).RssMb);
                try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var cpu = ProcCpu.Ms(node.Pid);
        var clock = Stopwatch.StartNew();
        var page = await officer.SubmitAsync(Url($"/admin/statistik/indikator/{indicatorId}/impor"), "form.card",
            new Dictionary<string, string> { ["decimal"] = "titik" }, [("file", "besar.csv", bytes)]);
        var uploaded = clock.Elapsed;
        var checkedState = await WaitForImportAsync(officer, page.Url);
        var validated = clock.Elapsed;
        if (checkedState.GetProperty("state").GetString() != "valid") throw new InvalidOperationException("Import not valid: " + checkedState);
        var show = await officer.OpenAsync(page.Url);
        var written = await show.SubmitAsync(officer, "form[action$='/simpan']", new Dictionary<string, string>());
        var done = await WaitForImportAsync(officer, written.Url);
        var total = clock.Elapsed;
        var importCpu = ProcCpu.Ms(node.Pid) - cpu;
        stop.Cancel();
        await sampler;
        var after = ProcMemory.Read(node.Pid);
        if (done.GetProperty("state").GetString() != "selesai") throw new InvalidOperationException("Import not written: " + done);
        Console.WriteLine($"  upload answered after {uploaded.TotalSeconds:F1} s, checked (valid) after {validated.TotalSeconds:F1} s, written (selesai) after {total.TotalSeconds:F1} s; " +
                          $"changed {done.GetProperty("changed").GetInt64():N0}; host CPU {importCpu / 1000:F1} s");
        Console.WriteLine($"  host before: {before}\n  host after:  {after}\n  highest VmRSS sampled every 50 ms: {peakRss:F1} MB (+{peakRss - before.RssMb:F1} MB)");
        report.Check($"Import of {rows:N0} values, upload to written", total.TotalSeconds, "s", "<", 20);
        report.Check("Import, host's extra RSS (highest sampled − before)", peakRss - before.RssMb, "MB", "<", 300);
    }

    private static async Task HandoverAsync(BenchSettings settings, HostProcess nodeA, string appB, IReadOnlyList<string> pds, Report report)
    {
        Report.Section($"Hand-over across nodes: node B (own App_Data and indexes, same schemas and Redis); {pds.Count} PDs submit, the verifier accepts on node A");
        await using var nodeB = HostProcess.Start(settings, appB, Path.Combine(settings.OutDir, "host-stat-b.log"), StatisticsSeeder.DatabaseArgs(settings));
        using var httpB = new SiteHttp(nodeB.Port);
        var startedB = await nodeB.WaitForPortalAsync(httpB, TimeSpan.FromMinutes(3));
        var indexedB = await WaitForIndicatorsAsync(httpB, (long)settings.StatTenants * settings.StatIndicators, TimeSpan.FromMinutes(15));
        var settledB = await SettleAsync(nodeB, TimeSpan.FromMinutes(3));
        Console.WriteLine($"  node B up after {startedB.TotalSeconds:F1} s, its search complete {indexedB.TotalSeconds:F1} s after launch, settled {settledB.Wait.TotalSeconds:F0} s later ({settledB.RateMsPerS:F0} ms/s)");

        var port = nodeA.Port;
        Uri Url(string? tenant, string path) => new($"http://{(tenant is null ? "" : tenant + ".")}localhost:{port}{path}");
        using var portalAdmin = new SiteClient(port);
        await portalAdmin.SignInAsync(Url(null, "/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
        string[] words = ["zamrud", "kecubung", "pirus", "nilam", "giok", "safir", "akik", "mutiara"];
        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lastYear = DateTime.UtcNow.Year - 1;
        var searchTimes = new List<double>();
        var apiTimes = new List<double>();
        for (var k = 0; k < pds.Count; k++)
        {
            var pd = pds[k];
            var word = words[k % words.Length];
            var code = $"SERAH-{k + 1}";
            using var pdAdmin = new SiteClient(port);
            await pdAdmin.SignInAsync(Url(pd, "/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
            await AddUsersAsync(pdAdmin, Url(pd, "/admin/recipes"), pd, ("petugas", "DataOfficer"));
            await AddUsersAsync(portalAdmin, Url(null, "/admin/recipes"), "portal", ("verifikator" + k, "Verifier"));
            var indicatorId = await CreateIndicatorAsync(pdAdmin, p => Url(pd, p), code, $"Indikator serah terima {word}", "kecamatan", "");
            using var officer = new SiteClient(port);
            await officer.SignInAsync(Url(pd, "/"), "petugas", Password);
            var upload = await officer.SubmitAsync(Url(pd, $"/admin/statistik/indikator/{indicatorId}/impor"), "form.card",
                new Dictionary<string, string> { ["decimal"] = "titik" }, [("file", "data.csv", Encoding.UTF8.GetBytes(MonthlyCsv(lastYear)))]);
            if ((await WaitForImportAsync(officer, upload.Url)).GetProperty("state").GetString() != "valid") throw new InvalidOperationException("Hand-over import not valid");
            var confirm = await (await officer.OpenAsync(upload.Url)).SubmitAsync(officer, "form[action$='/simpan']", new Dictionary<string, string>());
            await WaitForImportAsync(officer, confirm.Url);
            var sent = await officer.SubmitAsync(Url(pd, "/admin/statistik/penyampaian"), "form.submission-form", new Dictionary<string, string> { ["month"] = month, ["summary"] = "Pembaruan bulanan " + word });
            if (sent.Errors.Count > 0) throw new InvalidOperationException("Submission refused: " + string.Join("; ", sent.Errors));

            using var verifier = new SiteClient(port);
            await verifier.SignInAsync(Url(null, "/"), "verifikator" + k, Password);
            Uri? review = null;
            for (var wait = Stopwatch.StartNew(); review is null; await Task.Delay(200))
            {
                var list = await verifier.OpenAsync(Url(null, "/admin/statistik/verifikasi?state=menunggu"));
                if (list.Document.QuerySelector($"tr[data-pd='{pd}'] a") is { } link) review = new Uri(list.Url, link.GetAttribute("href"));
                else if (wait.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The submission never reached the portal's verifier.");
            }
            var reviewPage = await verifier.OpenAsync(review);
            var searchB = httpB.Url(null, "/api/search?type=Indicator&q=" + word);
            var apiB = httpB.Url(null, $"/api/statistik/data/{pd}/{code}");
            if (await SearchTotalAsync(httpB, searchB) > 0 || await StatusAsync(httpB, apiB) == HttpStatusCode.OK)
                throw new InvalidOperationException($"{pd}/{code} visible on node B before acceptance");

            var clock = Stopwatch.StartNew();
            var accepted = await reviewPage.SubmitAsync(verifier, "form[action$='/terima']", new Dictionary<string, string>());
            var acceptMs = clock.Elapsed.TotalMilliseconds;
            if (accepted.Document.QuerySelector(".submission-state")?.GetAttribute("data-state") != "diterima") throw new InvalidOperationException("Not accepted: " + accepted.Html[..300]);
            double? inSearch = null, inApi = null;
            while ((inSearch is null || inApi is null) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (inSearch is null && await SearchTotalAsync(httpB, searchB) > 0) inSearch = clock.Elapsed.TotalMilliseconds;
                if (inApi is null && await StatusAsync(httpB, apiB) == HttpStatusCode.OK) inApi = clock.Elapsed.TotalMilliseconds;
                await Task.Delay(20);
            }
            Console.WriteLine($"  {pd}: accept answered on A after {acceptMs:F0} ms; on node B: API {Show(inApi)}, portal search {Show(inSearch)} (from sending the accept)");
            searchTimes.Add(inSearch ?? 60_000);
            apiTimes.Add(inApi ?? 60_000);
        }
        report.Check($"Accepted submission in node B's API (worst of {apiTimes.Count})", apiTimes.Max() / 1000, "s", "<", 2);
        report.Check($"Accepted submission in node B's portal search (worst of {searchTimes.Count})", searchTimes.Max() / 1000, "s", "<", 2);
    }

    private static string Show(double? ms) => ms is { } v ? $"{v:F0} ms" : "not within 60 s";

    public const string Password = "Petugas-Data-Kuat-2026";

    private static async Task AddUsersAsync(SiteClient admin, Uri recipes, string domain, params (string UserName, string Role)[] users)
    {
        var list = string.Join(",", users.Select(u =>
            $$"""{ "userName": "{{u.UserName}}", "email": "{{u.UserName}}@{{domain}}.bekasikota.go.id", "password": "{{Password}}", "roles": ["{{u.Role}}"] }"""));
        var result = await admin.SubmitAsync(recipes, "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim-data", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        if (result.Errors.Count > 0) throw new InvalidOperationException("Recipe: " + string.Join("; ", result.Errors));
    }

    private static async Task<string> CreateIndicatorAsync(SiteClient pdAdmin, Func<string, Uri> url, string code, string title, string level, string disaggregations)
    {
        var page = await pdAdmin.SubmitAsync(url("/admin/contents/create/Indicator"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["IndicatorPart.Code"] = code,
            ["IndicatorPart.Category"] = "sektoral",
            ["IndicatorPart.DataGroup"] = "kependudukan",
            ["IndicatorPart.Periodicity"] = "bulanan",
            ["IndicatorPart.EstimationLevel"] = level,
            ["IndicatorPart.Concept"] = "Indikator untuk pengukuran kinerja platform statistik sektoral.",
            ["IndicatorPart.Definition"] = "Banyaknya kejadian yang tercatat menurut wilayah.",
            ["IndicatorPart.Method"] = "Penjumlahan laporan.",
            ["IndicatorPart.Unit"] = "orang",
            ["IndicatorPart.Disaggregations"] = disaggregations,
            ["submit"] = "publish",
        });
        if (page.Errors.Count > 0) throw new InvalidOperationException("Indicator: " + string.Join("; ", page.Errors));
        var list = await pdAdmin.OpenAsync(url("/admin/statistik"));
        var row = list.Document.QuerySelector($"tr[data-indicator='{code}']") ?? throw new InvalidOperationException("Indicator not listed: " + list.Html[..400]);
        return row.QuerySelector("a[href*='/admin/statistik/indikator/']")!.GetAttribute("href")!.Split('/')[4];
    }

    private static async Task<JsonElement> WaitForImportAsync(SiteClient client, Uri importPage)
    {
        var status = new Uri(importPage + "/status");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await client.Http.GetFromJsonAsync<JsonElement>(status);
            if (json.GetProperty("state").GetString() is not ("memeriksa" or "menulis")) return json;
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The import did not finish: " + json);
            await Task.Delay(50);
        }
    }

    private static string MonthlyCsv(int year)
    {
        var csv = new StringBuilder("periode,wilayah,nilai,status\n");
        for (var month = 1; month <= 12; month++)
            foreach (var area in StatisticsSeeder.Areas)
                csv.Append(CultureInfo.InvariantCulture, $"{year}-M{month:D2},{area},{month * 10 + area.Length},tetap\n");
        return csv.ToString();
    }

    private static List<string> ReadAreaCodes(BenchSettings settings)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(settings.HostDll)!); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "src", "OrchardSpbe.Core", "Reference", "wilayah-kota-bekasi.csv");
            if (File.Exists(file)) return File.ReadLines(file).Skip(1).Select(l => l.Split(',')[0]).Where(c => c.Length > 0).ToList();
        }
        throw new FileNotFoundException("wilayah-kota-bekasi.csv");
    }

    /// <summary>Polls the portal's search (the first call waits for every index) until it counts every indicator.</summary>
    private static async Task<TimeSpan> WaitForIndicatorsAsync(SiteHttp http, long expected, TimeSpan timeout)
    {
        using var patient = new SiteHttp(int.Parse(http.HostHeader(null).Split(':')[1]));
        patient.Http.Timeout = timeout;
        var clock = Stopwatch.StartNew();
        var url = http.Url(null, "/api/search?type=Indicator&q=kota");
        long total = 0;
        while (clock.Elapsed < timeout)
        {
            total = await SearchTotalAsync(patient, url);
            if (total >= expected) return clock.Elapsed;
            await Task.Delay(1000);
        }
        throw new TimeoutException($"The portal's search found {total} of {expected} indicators after {timeout}");
    }

    /// <summary>Waits (bounded) until the host's CPU over 5 s falls under 100 ms a second; returns the wait and the last rate.</summary>
    internal static async Task<(TimeSpan Wait, double RateMsPerS)> SettleAsync(HostProcess host, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        double rate;
        do
        {
            var cpu = ProcCpu.Ms(host.Pid);
            await Task.Delay(5000);
            rate = (ProcCpu.Ms(host.Pid) - cpu) / 5;
        } while (rate >= 100 && clock.Elapsed < timeout);
        return (clock.Elapsed, rate);
    }

    private static async Task<long> SearchTotalAsync(SiteHttp http, Uri url)
    {
        using var response = await http.Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) return -1;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("total").GetInt64();
    }

    private static async Task<HttpStatusCode> StatusAsync(SiteHttp http, Uri url)
    {
        using var response = await http.Http.GetAsync(url);
        return response.StatusCode;
    }

    /// <summary>Each URL once, by <paramref name="clients"/> concurrent clients; the time of each (the datasets section uses it too).</summary>
    internal static async Task<List<double>> ConcurrentAsync(SiteHttp http, IReadOnlyList<Uri> urls, int clients)
    {
        var queue = new ConcurrentQueue<Uri>(urls);
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var url)) times.Add((await http.TimedGetAsync(url, bypassCache: false)).Time.TotalMilliseconds);
        }));
        return times.ToList();
    }
}
