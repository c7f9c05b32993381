using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrchardSpbe.Testing;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 11's four figures, on the SQLite App_Data of the other sections. The catalogue is written in bulk
/// (<see cref="DatasetsSeeder"/>), then the real host runs as a separate process and everything goes through HTTP:
/// 1. CKAN's package_search on the portal with q, fq and four facet fields at <c>--ds-clients</c> concurrent clients,
///    read against /health/live at the same concurrency in the same run;
/// 2. the walidata uploads a <c>--ds-rows</c>-row CSV on its resources page (the product's own path: file kept, types
///    inferred, DataStore table built, in the request) — timed from sending to the answer, when the table is ready;
/// 3. datastore_search on that table with a filter and include_total, one request at a time, against /health/live;
/// 4. the host is killed (SIGKILL) <c>--ds-kills</c> times while a PD publishes datasets in a loop; after each restart
///    package_search's count and the portal search's count must equal the published public rows in the PDs' files,
///    within <c>--ds-catchup-seconds</c>, with no reindex.
/// </summary>
public static class DatasetsBench
{
    public static async Task RunAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> seeded, Report report)
    {
        var pds = seeded.Take(Math.Min(settings.DsTenants, seeded.Count)).ToList();
        Report.Section($"Datasets: {settings.DsDatasets:N0} published public datasets over {pds.Count} PDs, in bulk into their SQLite files and the portal catalog");
        var seed = DatasetsSeeder.Seed(appData, pds, settings.DsDatasets);
        Console.WriteLine($"  {seed.Datasets:N0} datasets with {seed.Resources:N0} link resources; {seed.Elapsed.TotalSeconds:F1} s");

        var log = Path.Combine(settings.OutDir, "host-datasets.log");
        await using (var host = HostProcess.Start(settings, appData, log, ["--Spbe:Security:SignInPermitLimit=1000"]))
        {
            using var http = new SiteHttp(host.Port);
            var started = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(3));
            var catalogued = await WaitForCountsAsync(http, seed.Datasets, TimeSpan.FromMinutes(10));
            Console.WriteLine($"  host up after {started.TotalSeconds:F1} s; package_search and the portal search count all {seed.Datasets:N0} {catalogued.TotalSeconds:F1} s after launch; load average {Machine.LoadAverage}");
            var settled = await StatisticsBench.SettleAsync(host, TimeSpan.FromMinutes(2));
            Console.WriteLine($"  settled after {settled.Wait.TotalSeconds:F0} s ({settled.RateMsPerS:F0} ms/s)");

            await PackageSearchAsync(settings, host, http, pds, report);
            var resourceId = await LoadAsync(settings, host, pds[0].Name, report);
            await DataStoreSearchAsync(settings, host, http, pds[0].Name, resourceId, report);
        }
        await CrashAsync(settings, appData, pds, report);
    }

    private static async Task PackageSearchAsync(BenchSettings settings, HostProcess host, SiteHttp http, IReadOnlyList<PdSite> pds, Report report)
    {
        var clients = settings.DsClients;
        var requests = settings.DsRequests;
        var health = http.Url(null, "/health/live");
        await StatisticsBench.ConcurrentAsync(http, Enumerable.Repeat(health, 200).ToList(), clients);
        var baseline = await StatisticsBench.ConcurrentAsync(http, Enumerable.Repeat(health, requests).ToList(), clients);

        // q: one or two words of the titles; fq: a kelompok, a format, a licence or a PD (CKAN's syntax); four facet fields.
        var random = new Random(20261127);
        string[] groups = ["kesehatan", "pendidikan", "kependudukan", "pekerjaan-umum", "lingkungan-hidup", "sosial"];
        string[] licences = ["cc-by", "odc-odbl", "kota-bekasi-terbuka", "cc-zero"];
        string[] formats = ["CSV", "XLSX", "JSON", "PDF"];
        string[] words = ["penduduk", "sampah", "posyandu", "banjir", "sekolah", "wisatawan", "beras", "stunting", "kecamatan", "imunisasi"];
        const string facets = "[\"organization\",\"groups\",\"res_format\",\"license_id\"]";
        Uri Next()
        {
            var fq = random.Next(4) switch
            {
                0 => $"groups:{groups[random.Next(groups.Length)]}",
                1 => $"res_format:{formats[random.Next(formats.Length)]}",
                2 => $"license_id:{licences[random.Next(licences.Length)]}",
                _ => $"organization:{pds[random.Next(pds.Count)].Name}",
            };
            return http.Url(null, "/api/3/action/package_search?q=" + Uri.EscapeDataString(words[random.Next(words.Length)]) +
                                  "&fq=" + Uri.EscapeDataString(fq) + "&facet.field=" + Uri.EscapeDataString(facets) + "&rows=10");
        }
        var sample = await http.Http.GetFromJsonAsync<JsonElement>(Next());
        var result = sample.GetProperty("result");
        if (result.GetProperty("search_facets").EnumerateObject().Count() != 4) throw new InvalidOperationException("package_search did not answer 4 facets: " + sample);
        await StatisticsBench.ConcurrentAsync(http, Enumerable.Range(0, Math.Min(200, requests)).Select(_ => Next()).ToList(), clients);
        Report.Section($"package_search on the portal: q + fq + 4 facet fields, {clients} concurrent clients, {requests} requests (e.g. count {result.GetProperty("count").GetInt64()})");
        // Cold: just after start (the JIT's first tiers); then warm, after the same warm-up as the throughput runs
        // (--wrk-warmup-seconds of load): under load the runtime takes about 20 s to reach its optimised code.
        var (cold, coldRate, coldCpu) = await TimedAsync();
        Console.WriteLine($"  cold, after 200 requests: {cold}; {coldRate:F0} requests/s; host CPU {coldCpu:F2} ms a request");
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(settings.WrkWarmupSeconds);)
            await StatisticsBench.ConcurrentAsync(http, Enumerable.Range(0, 500).Select(_ => Next()).ToList(), clients);
        var (latency, rate, cpuPer) = await TimedAsync();
        var bare = new Latency(baseline, 0);
        Console.WriteLine($"  warm, after {settings.WrkWarmupSeconds} s of load: {latency}; {rate:F0} requests/s; host CPU {cpuPer:F2} ms a request");
        Console.WriteLine($"  baseline /health/live at {clients} clients: {bare}\n  p95 {latency.P95 / bare.P95:F1}× the baseline's; load average {Machine.LoadAverage}");
        report.Check($"Datasets: package_search, q+fq+4 facets, p95 at {clients} clients ({settings.DsDatasets:N0} datasets, {pds.Count} PDs)", latency.P95, "ms", "<", 20);

        async Task<(Latency Latency, double Rate, double CpuPerRequest)> TimedAsync()
        {
            var cpu = ProcCpu.Ms(host.Pid);
            var clock = Stopwatch.StartNew();
            var times = await StatisticsBench.ConcurrentAsync(http, Enumerable.Range(0, requests).Select(_ => Next()).ToList(), clients);
            return (new Latency(times, 0), requests / clock.Elapsed.TotalSeconds, (ProcCpu.Ms(host.Pid) - cpu) / requests);
        }
    }

    /// <summary>The PD administrator creates a dataset and uploads the large CSV on its resources page; returns the resource's id.</summary>
    private static async Task<string> LoadAsync(BenchSettings settings, HostProcess host, string pd, Report report)
    {
        var csv = DatasetsSeeder.LargeCsv(settings.DsRows);
        using var admin = new SiteClient(host.Port);
        admin.Http.Timeout = TimeSpan.FromMinutes(10);
        Uri Url(string path) => new($"http://{pd}.localhost:{host.Port}{path}");
        await admin.SignInAsync(Url("/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
        var datasetId = await PublishAsync(admin, Url, "Penduduk menurut kelurahan, jenis kelamin dan umur", "penduduk-rinci");
        var cpu = ProcCpu.Ms(host.Pid);
        var clock = Stopwatch.StartNew();
        var page = await admin.SubmitAsync(Url($"/admin/data/{datasetId}"), "form.add-resource",
            new Dictionary<string, string> { ["name"] = "Tabel penduduk rinci", ["url"] = "", ["format"] = "CSV" }, [("file", "penduduk.csv", csv)]);
        var elapsed = clock.Elapsed;
        var loadCpu = ProcCpu.Ms(host.Pid) - cpu;
        if (page.Errors.Count > 0) throw new InvalidOperationException("Upload refused: " + string.Join("; ", page.Errors));
        var resources = await admin.OpenAsync(Url($"/admin/data/{datasetId}"));
        var row = resources.Document.QuerySelector("tr[data-resource]") ?? throw new InvalidOperationException("Resource not listed");
        var resourceId = row.GetAttribute("data-resource")!;
        using var http = new SiteHttp(host.Port);
        var check = await http.Http.GetFromJsonAsync<JsonElement>(http.Url(pd, $"/api/3/action/datastore_search?resource_id={resourceId}&limit=1"));
        var total = check.GetProperty("result").GetProperty("total").GetInt64();
        if (total != settings.DsRows) throw new InvalidOperationException($"The DataStore holds {total} rows, not {settings.DsRows}");
        Report.Section($"DataStore load: {settings.DsRows:N0}-row CSV ({csv.Length / 1024.0 / 1024:F1} MB) uploaded on the resources page, answered when the table is ready");
        Console.WriteLine($"  {elapsed.TotalSeconds:F1} s ({settings.DsRows / elapsed.TotalSeconds:N0} rows/s); host CPU {loadCpu / 1000:F1} s; the table answers total {total:N0}; load average {Machine.LoadAverage}");
        report.Check($"Datasets: load a {settings.DsRows:N0}-row CSV into the DataStore (upload to table ready)", elapsed.TotalSeconds, "s", "<", 30);
        return resourceId;
    }

    private static async Task DataStoreSearchAsync(BenchSettings settings, HostProcess host, SiteHttp http, string pd, string resourceId, Report report)
    {
        var requests = settings.DsRequests / 4;
        var health = http.Url(pd, "/health/live");
        var baseline = await Latency.MeasureAsync(http, Enumerable.Repeat(health, 50).ToList(), Enumerable.Repeat(health, requests).ToList(), bypassCache: false);
        var random = new Random(7);
        Uri Next()
        {
            var k = random.Next(12);
            var filters = JsonSerializer.Serialize(new Dictionary<string, string> { ["kelurahan"] = $"Kelurahan {k + 1}-{random.Next(5) + 1}" });
            return http.Url(pd, $"/api/3/action/datastore_search?resource_id={resourceId}&filters={Uri.EscapeDataString(filters)}&include_total=true&offset={random.Next(10) * 100}");
        }
        var sample = await http.Http.GetFromJsonAsync<JsonElement>(Next());
        var total = sample.GetProperty("result").GetProperty("total").GetInt64();
        var records = sample.GetProperty("result").GetProperty("records").GetArrayLength();
        var cpu = ProcCpu.Ms(host.Pid);
        var latency = await Latency.MeasureAsync(http, Enumerable.Range(0, 20).Select(_ => Next()).ToList(), Enumerable.Range(0, requests).Select(_ => Next()).ToList(), bypassCache: false);
        var cpuPer = (ProcCpu.Ms(host.Pid) - cpu) / (requests + 20);
        Report.Section($"datastore_search on {settings.DsRows:N0} rows: filter on kelurahan (60 values), include_total, 100 records from offsets 0–900, one at a time ({requests} requests)");
        Console.WriteLine($"  {latency}; host CPU {cpuPer:F2} ms a request; e.g. total {total:N0}, {records} records");
        Console.WriteLine($"  baseline /health/live on {pd}: {baseline}\n  p95 {latency.P95 / baseline.P95:F1}× the baseline's; load average {Machine.LoadAverage}");
        report.Check($"Datasets: datastore_search, filter + include_total on {settings.DsRows:N0} rows, p95", latency.P95, "ms", "<", 20);
    }

    /// <summary>
    /// Kill -9 while a PD publishes datasets one after another, restart, and compare what the portal counts with the
    /// PDs' files; each kill lands at a random moment of the loop.
    /// </summary>
    private static async Task CrashAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> pds, Report report)
    {
        Report.Section($"Kill -9 mid-publish, {settings.DsKills} times: PDs publish datasets in a loop; after each restart package_search and the portal search must count the published public rows");
        var random = new Random(99);
        var worst = TimeSpan.Zero;
        var failures = 0;
        var counter = 0;
        for (var kill = 1; kill <= settings.DsKills; kill++)
        {
            var publisherPd = pds[kill % pds.Count].Name;
            await using (var doomed = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"host-datasets-kill{kill}.log"), ["--Spbe:Security:SignInPermitLimit=1000"]))
            {
                using var http = new SiteHttp(doomed.Port);
                await doomed.WaitForPortalAsync(http, TimeSpan.FromMinutes(3));
                using var admin = new SiteClient(doomed.Port);
                Uri Url(string path) => new($"http://{publisherPd}.localhost:{doomed.Port}{path}");
                await admin.SignInAsync(Url("/"), BenchSettings.AdminUserName, BenchSettings.AdminPassword);
                var published = 0;
                var stop = new CancellationTokenSource();
                var loop = Task.Run(async () =>
                {
                    try
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            var n = Interlocked.Increment(ref counter);
                            await PublishAsync(admin, Url, $"Data uji mati {n} Kota Bekasi", $"uji-mati-{n}");
                            Interlocked.Increment(ref published);
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException) { }
                });
                // Mid-publish: once the loop has published (the first one waits for the sign-in and the editor's start-up), at a random moment.
                for (var wait = Stopwatch.StartNew(); Volatile.Read(ref published) == 0 && !loop.IsCompleted && wait.Elapsed < TimeSpan.FromSeconds(60);) await Task.Delay(20);
                await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(2000)));
                doomed.Kill();
                stop.Cancel();
                await loop;
                Console.WriteLine($"  kill {kill}: {publisherPd} had {published} publications answered when the node was killed");
            }

            var expected = DatasetsSeeder.PublishedPublic(appData, pds.Select(p => p.Name));
            await using var node = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, $"host-datasets-restart{kill}.log"));
            using var restarted = new SiteHttp(node.Port);
            var up = await node.WaitForPortalAsync(restarted, TimeSpan.FromMinutes(3));
            var clock = Stopwatch.StartNew();
            long catalogue = -1, search = -1;
            using var patient = new SiteHttp(node.Port);
            patient.Http.Timeout = TimeSpan.FromSeconds(settings.DsCatchupSeconds);
            while (clock.Elapsed < TimeSpan.FromSeconds(settings.DsCatchupSeconds))
            {
                catalogue = await PackageCountAsync(patient);
                search = await SearchCountAsync(patient);
                if (catalogue == expected && search == expected) break;
                await Task.Delay(250);
            }
            var ok = catalogue == expected && search == expected;
            if (!ok) failures++;
            if (clock.Elapsed > worst) worst = clock.Elapsed;
            Console.WriteLine($"  restart {kill}: up after {up.TotalSeconds:F1} s; PD files hold {expected:N0} published public datasets; package_search {catalogue:N0}, " +
                              $"portal search {search:N0} — {(ok ? "equal" : "NOT equal")} {clock.Elapsed.TotalSeconds:F1} s after the portal answered");
        }
        report.Check($"Datasets: catalogue and search count = PD files after kill -9 mid-publish (kills that differ, of {settings.DsKills})", failures, "", "<", 1);
        report.Check($"Datasets: catch-up after the restart, worst of {settings.DsKills}", worst.TotalSeconds, "s", "<", settings.DsCatchupSeconds);
    }

    /// <summary>Writes and publishes a dataset in the admin's editor; returns its content item id.</summary>
    private static async Task<string> PublishAsync(SiteClient admin, Func<string, Uri> url, string title, string slug)
    {
        var page = await admin.SubmitAsync(url("/admin/contents/create/Dataset"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["DatasetPart.Slug"] = slug,
            ["DatasetPart.Description"] = "Data yang dihimpun dari laporan unit layanan menurut kecamatan dan kelurahan di Kota Bekasi.",
            ["DatasetPart.DataGroup"] = "kependudukan",
            ["DatasetPart.LicenseId"] = "cc-by",
            ["DatasetPart.Classification"] = "terbuka",
            ["DatasetPart.UpdateFrequency"] = "tahunan",
            ["DatasetPart.SpatialCoverage"] = "32.75",
            ["DatasetPart.TemporalStart"] = "2025",
            ["DatasetPart.TemporalEnd"] = "2025-12-31",
            ["DatasetPart.Tags"] = "penduduk, kelurahan",
            ["DatasetPart.ContactName"] = "Seksi Data",
            ["DatasetPart.ContactEmail"] = "data@bekasikota.go.id",
            ["submit"] = "publish",
        });
        if (page.Errors.Count > 0) throw new InvalidOperationException("Dataset refused: " + string.Join("; ", page.Errors));
        return page.Url.AbsolutePath.Split('/')[3];
    }

    /// <summary>Polls until package_search and the portal's search both count <paramref name="expected"/> (the first search call waits for the index).</summary>
    private static async Task<TimeSpan> WaitForCountsAsync(SiteHttp http, long expected, TimeSpan timeout)
    {
        // The first calls wait for the host's start-up work (every PD's index built at once): a patient client.
        using var patient = new SiteHttp(int.Parse(http.HostHeader(null).Split(':')[1]));
        patient.Http.Timeout = timeout;
        var clock = Stopwatch.StartNew();
        long catalogue = 0, search = 0;
        while (clock.Elapsed < timeout)
        {
            catalogue = await PackageCountAsync(patient);
            search = await SearchCountAsync(patient);
            if (catalogue >= expected && search >= expected) return clock.Elapsed;
            await Task.Delay(1000);
        }
        throw new TimeoutException($"After {timeout}: package_search counts {catalogue}, the portal search {search}, of {expected}");
    }

    private static Task<long> PackageCountAsync(SiteHttp http) =>
        CountAsync(http, http.Url(null, "/api/3/action/package_search?rows=0"), json => json.GetProperty("result").GetProperty("count").GetInt64());

    /// <summary>The count an answer gives; -1 for an error or no answer in the client's time.</summary>
    private static async Task<long> CountAsync(SiteHttp http, Uri url, Func<JsonElement, long> count)
    {
        try
        {
            using var response = await http.Http.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK ? count(await response.Content.ReadFromJsonAsync<JsonElement>()) : -1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    /// <summary>Every dataset's description names the city: the portal search's total for it is the index's count of datasets.</summary>
    private static Task<long> SearchCountAsync(SiteHttp http) =>
        CountAsync(http, http.Url(null, "/api/search?type=Dataset&q=" + Uri.EscapeDataString("kota bekasi")), json => json.GetProperty("total").GetInt64());
}
