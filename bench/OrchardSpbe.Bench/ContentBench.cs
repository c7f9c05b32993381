using Microsoft.Data.Sqlite;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 3's content figures: news and agenda are seeded in-process (every PD's news and agenda, and one PD
/// with 10,000 articles), then a fresh host serves, one request at a time, the admin content list (signed
/// in), the PD's public news list and the portal home (both with the page cache bypassed), and the cached
/// portal home is compared with bare Kestrel under wrk.
/// </summary>
public static class ContentBench
{
    private const int AdminPageSize = 20;   // AdminContentController
    private const int PublicPageSize = 12;  // the pd-site recipe's NewsList
    private static readonly string[] SearchWords = ["posyandu", "jatiasih", "banjir", "tahap", "zonasi"];

    public static async Task RunAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> seeded, Report report)
    {
        var lists = settings.Runs("lists");
        var portal = settings.Runs("portal");
        var contentTenant = seeded.Any(s => s.Name == settings.ContentTenant) ? settings.ContentTenant : seeded[0].Name;
        IReadOnlyList<string> tenants = portal ? seeded.Select(s => s.Name).ToList() : [contentTenant];

        Report.Section($"Content: seeding {(portal ? $"{settings.NewsPerTenant} news and {settings.AgendaPerTenant} agenda in each of {tenants.Count} PDs" : "")}" +
                       $"{(portal && lists ? ", " : "")}{(lists ? $"{settings.ContentItems} articles in {contentTenant}" : "")} (in-process, ContentManager)");
        var seeding = await ContentSeeder.SeedAsync(settings, appData, tenants, lists ? contentTenant : null, settings.ContentItems,
            portal ? settings.NewsPerTenant : 0, portal ? settings.AgendaPerTenant : 0);
        Console.WriteLine($"  added {seeding.Articles} articles + {seeding.Events} events in {seeding.Elapsed.TotalSeconds:F1} s: {seeding.ItemsPerSecond:F0} items/s");
        if (seeding.BigArticles > 0)
            Console.WriteLine($"  of which {contentTenant}: {seeding.BigArticles} articles in {seeding.BigElapsed.TotalSeconds:F1} s: {seeding.BigItemsPerSecond:F0} items/s");
        Console.WriteLine($"  portal catalog: {CatalogCounts(appData)}");

        await using var host = HostProcess.Start(settings, appData, Path.Combine(settings.OutDir, "host-content.log"));
        using var http = new SiteHttp(host.Port);
        var started = await host.WaitForPortalAsync(http, TimeSpan.FromMinutes(2));
        Console.WriteLine($"  host with content started in {started.TotalMilliseconds:F0} ms");
        var random = new Random(20261122);

        if (lists)
        {
            await new TenantApi(http).SignInAsync(contentTenant);
            var adminPages = Pages(settings.ContentItems, AdminPageSize);
            Uri Admin() => http.Url(contentTenant, $"/admin/contents?type=Article&page={random.Next(1, adminPages + 1)}");
            Report.Section($"Admin content list of {contentTenant}, signed in: /admin/contents?type=Article&page=1…{adminPages}");
            var adminList = await MeasureAsync(settings, http, Admin, bypassCache: false,
                first: [http.Url(contentTenant, "/admin/contents?type=Article&page=1"), http.Url(contentTenant, $"/admin/contents?type=Article&page={adminPages}")]);
            Console.WriteLine($"  {adminList}");
            report.Check($"Admin list, {settings.ContentItems} articles, paging, p95", adminList.P95, "ms", "<", 30);

            Uri Search() => http.Url(contentTenant, $"/admin/contents?type=Article&q={SearchWords[random.Next(SearchWords.Length)]}&page={random.Next(1, 4)}");
            Report.Section($"Admin content list, title search: q={string.Join("|", SearchWords)}, pages 1–3");
            var search = await MeasureAsync(settings, http, Search, bypassCache: false);
            Console.WriteLine($"  {search}");
            report.Check("Admin list, title search, p95", search.P95, "ms", "<", 30);

            var publicPages = Pages(settings.ContentItems, PublicPageSize);
            Uri News() => http.Url(contentTenant, $"/berita?page={random.Next(1, publicPages + 1)}");
            Report.Section($"Public news list of {contentTenant}, page cache bypassed: /berita?page=1…{publicPages}");
            var newsList = await MeasureAsync(settings, http, News, bypassCache: true,
                first: [http.Url(contentTenant, "/berita"), http.Url(contentTenant, $"/berita?page={publicPages}")]);
            Console.WriteLine($"  {newsList}");
            report.Check($"Public /berita, {settings.ContentItems} articles, uncached p95", newsList.P95, "ms", "<", 30);
        }

        if (portal)
        {
            Report.Section("Portal home, page cache bypassed: GET /");
            var home = await MeasureAsync(settings, http, () => http.Url(null), bypassCache: true);
            Console.WriteLine($"  {home}");
            report.Check($"Portal home, {tenants.Count} PDs' news, uncached p95", home.P95, "ms", "<", 50);

            // Not a target: the portal's paged list of every PD's news, which also counts them.
            Report.Section("Portal news list, page cache bypassed: /berita?page=1…50 (no target)");
            var portalNews = await MeasureAsync(settings, http, () => http.Url(null, $"/berita?page={random.Next(1, 51)}"), bypassCache: true);
            Console.WriteLine($"  {portalNews}");

            Report.Section($"Throughput: anonymous portal home vs bare Kestrel serving the same bytes " +
                           $"(wrk -t{settings.WrkThreads} -c{settings.WrkConnections} -d{settings.WrkSeconds}s, best of {settings.WrkRounds})");
            var comparison = await Throughput.CompareAsync(settings, http, host.Port, tenant: null);
            report.Check("Portal home req/s ÷ bare Kestrel req/s", comparison.Ratio, "", ">=", 0.6);
        }
    }

    private static Task<Latency> MeasureAsync(BenchSettings settings, SiteHttp http, Func<Uri> next, bool bypassCache, Uri[]? first = null)
    {
        var warmup = Enumerable.Range(0, settings.LatencyWarmup).Select(_ => next()).ToList();
        var measured = (first ?? []).Concat(Enumerable.Range(0, settings.LatencyRequests - (first?.Length ?? 0)).Select(_ => next())).ToList();
        return Latency.MeasureAsync(http, warmup, measured, bypassCache);
    }

    private static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    private static string CatalogCounts(string appData)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "host.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, COUNT(*) FROM catalog_entries WHERE removed = 0 GROUP BY kind ORDER BY kind";
        using var reader = command.ExecuteReader();
        var counts = new List<string>();
        while (reader.Read()) counts.Add($"{reader.GetInt64(1)} {reader.GetString(0)}");
        return string.Join(", ", counts);
    }
}
