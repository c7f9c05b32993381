using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Bench;

/// <summary>How much content the seeder added, and how fast.</summary>
public sealed record ContentSeeding(int Articles, int Events, TimeSpan Elapsed, int BigArticles, TimeSpan BigElapsed)
{
    public double ItemsPerSecond => (Articles + Events) / Elapsed.TotalSeconds;
    public double BigItemsPerSecond => BigArticles / BigElapsed.TotalSeconds;
}

/// <summary>
/// Adds news and agenda to the PD sites in-process, the way an editor's save does: ContentManager.CreateAsync
/// with every handler (route index, audit, catalog outbox → portal catalog, page cache), the address made
/// from the title by RouteAvailability as the editor leaves it empty. Items are committed 500 to a
/// transaction, which is what makes it fast; each still gets its own version row, index rows and audit entry.
/// </summary>
public static class ContentSeeder
{
    private const int Batch = 500;

    private static readonly string[] Actions =
    [
        "Sosialisasi", "Pelatihan", "Rapat Koordinasi", "Peresmian", "Monitoring", "Evaluasi", "Pelayanan Keliling",
        "Kunjungan Kerja", "Bimbingan Teknis", "Gerakan", "Lomba", "Pameran", "Penyuluhan", "Pendataan", "Verifikasi",
        "Musyawarah", "Apel Siaga", "Kerja Bakti", "Layanan Jemput Bola", "Festival",
    ];

    private static readonly string[] Topics =
    [
        "Posyandu Balita", "Vaksinasi Anak", "Pencegahan Demam Berdarah", "Penanganan Banjir", "Pengelolaan Sampah",
        "Adminduk Daring", "UMKM Digital", "Pencegahan Stunting", "Keselamatan Lalu Lintas", "Ruang Terbuka Hijau",
        "Kesehatan Lansia", "Sekolah Ramah Anak", "Ketahanan Pangan", "Pajak Daerah", "Perizinan Berusaha", "Bank Sampah",
        "Kampung Tangguh", "Air Bersih", "Literasi Digital", "Pelayanan Publik", "Keamanan Lingkungan", "Gizi Seimbang",
        "Kartu Identitas Anak", "Kesiapsiagaan Kebakaran", "Wisata Kota",
    ];

    private static readonly string[] Places =
    [
        "Bekasi Timur", "Bekasi Barat", "Bekasi Utara", "Bekasi Selatan", "Rawalumbu", "Medan Satria", "Bantargebang",
        "Pondok Gede", "Jatiasih", "Jatisampurna", "Mustikajaya", "Pondok Melati", "Margajaya", "Aren Jaya", "Duren Jaya",
        "Harapan Jaya", "Kaliabang Tengah", "Perwira", "Jakasampurna", "Kayuringin Jaya",
    ];

    private static readonly string[] Terms = ["kegiatan", "pengumuman", "layanan"];

    /// <summary>Actions × topics × places: this many distinct titles before a numbered round starts.</summary>
    public static int DistinctTitles => Actions.Length * Topics.Length * Places.Length;

    /// <summary>
    /// Brings every tenant's Article count to <paramref name="newsPerTenant"/> (the content tenant's to
    /// <paramref name="contentItems"/>) and its Event count to <paramref name="agendaPerTenant"/>; the pd-site
    /// recipe's own items count.
    /// </summary>
    public static async Task<ContentSeeding> SeedAsync(BenchSettings settings, string appData, IReadOnlyList<string> tenants,
        string? contentTenant, int contentItems, int newsPerTenant, int agendaPerTenant)
    {
        var app = await Seeder.BuildAppAsync(settings, appData);
        try
        {
            var shells = app.Services.GetRequiredService<ShellHost>();
            var scopes = app.Services.GetRequiredService<TenantScopeFactory>();
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            int articles = 0, events = 0, bigArticles = 0;
            var bigElapsed = TimeSpan.Zero;
            for (var t = 0; t < tenants.Count; t++)
            {
                var shell = shells.Find(tenants[t]) ?? throw new InvalidOperationException($"Tenant {tenants[t]} is not running.");
                var big = tenants[t] == contentTenant;
                var bigClock = Stopwatch.StartNew();
                var added = await AddArticlesAsync(scopes, shell, big ? contentItems : newsPerTenant, t, now);
                if (big) (bigArticles, bigElapsed) = (added, bigClock.Elapsed);
                articles += added;
                events += await AddEventsAsync(scopes, shell, agendaPerTenant, t, now);
            }
            return new ContentSeeding(articles, events, clock.Elapsed, bigArticles, bigElapsed);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<int> AddArticlesAsync(TenantScopeFactory scopes, TenantShell shell, int target, int tenantIndex, DateTimeOffset now)
    {
        var existing = await CountAsync(scopes, shell, "Article");
        // Newest first from yesterday back: 50 news span about 8 months, 10,000 about 3 years.
        var interval = TimeSpan.FromHours(Math.Min(120, 3 * 365 * 24.0 / Math.Max(1, target)));
        return await InBatchesAsync(scopes, shell, existing, target, async (services, i) =>
        {
            var contents = services.GetRequiredService<ContentManager>();
            var item = (await contents.NewAsync("Article"))!;
            var title = Title(i + tenantIndex * 37);
            item.Apply(ContentParts.Title, new TitlePart { Title = title });
            item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = "berita" });
            item.Apply(ContentParts.Body, new BodyPart { Html = Body(shell.Settings.SiteName, title, i) });
            item.Fields["Kategori"] = new JsonObject { ["TermIds"] = new JsonArray(Terms[i % Terms.Length]) };
            item.Fields["Sumber"] = new JsonObject { ["Text"] = "Humas" };
            await RouteAsync(services, item);
            item.PublishedUtc = now.AddDays(-1) - interval * (i - existing) - TimeSpan.FromMinutes(tenantIndex);
            await contents.CreateAsync(item, publish: true, "bench");
        });
    }

    /// <summary>
    /// Issue 5's search set: brings every tenant's Article count to <paramref name="newsPerTenant"/> and adds
    /// <paramref name="pagesPerTenant"/> service pages (beyond the recipe's own), through ContentManager as above.
    /// </summary>
    public static async Task<ContentSeeding> SeedSearchAsync(BenchSettings settings, string appData, IReadOnlyList<string> tenants, int newsPerTenant, int pagesPerTenant)
    {
        var app = await Seeder.BuildAppAsync(settings, appData);
        try
        {
            var shells = app.Services.GetRequiredService<ShellHost>();
            var scopes = app.Services.GetRequiredService<TenantScopeFactory>();
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            int articles = 0, pages = 0;
            for (var t = 0; t < tenants.Count; t++)
            {
                var shell = shells.Find(tenants[t]) ?? throw new InvalidOperationException($"Tenant {tenants[t]} is not running.");
                articles += await AddArticlesAsync(scopes, shell, newsPerTenant, t, now);
                pages += await AddPagesAsync(scopes, shell, pagesPerTenant, t);
            }
            return new ContentSeeding(articles, pages, clock.Elapsed, 0, TimeSpan.Zero);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    // Service pages ("Layanan Air Bersih di Jatiasih", code SP00001…), counted beyond the recipe's six pages.
    private static async Task<int> AddPagesAsync(TenantScopeFactory scopes, TenantShell shell, int count, int tenantIndex)
    {
        const int recipePages = 6;
        var existing = Math.Max(0, await CountAsync(scopes, shell, "Page") - recipePages);
        return await InBatchesAsync(scopes, shell, existing, count, async (services, i) =>
        {
            var contents = services.GetRequiredService<ContentManager>();
            var item = (await contents.NewAsync("Page"))!;
            var n = i * 13 + tenantIndex * 7;
            var title = $"Layanan {Topics[n % Topics.Length]} di {Places[n / Topics.Length % Places.Length]}";
            item.Apply(ContentParts.Title, new TitlePart { Title = title });
            item.Apply(ContentParts.Body, new BodyPart
            {
                Html = $"<p>Standar pelayanan {title.ToLowerInvariant()} dengan kode layanan SP{tenantIndex:D2}{i:D3}. " +
                       "Persyaratan, prosedur, jangka waktu penyelesaian, biaya atau tarif, produk pelayanan, dan penanganan pengaduan " +
                       $"diatur oleh {shell.Settings.SiteName}. Kegiatan pelayanan dibuka pada hari kerja.</p>",
            });
            item.Apply(ContentParts.Autoroute, new AutoroutePart { Path = $"layanan/layanan-{i + 1}" });
            await contents.CreateAsync(item, publish: true, "bench");
        });
    }

    private static async Task<int> AddEventsAsync(TenantScopeFactory scopes, TenantShell shell, int target, int tenantIndex, DateTimeOffset now)
    {
        var existing = await CountAsync(scopes, shell, "Event");
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(2); // 09.00 WIB
        return await InBatchesAsync(scopes, shell, existing, target, async (services, i) =>
        {
            var contents = services.GetRequiredService<ContentManager>();
            var item = (await contents.NewAsync("Event"))!;
            var title = Title(i * 7 + tenantIndex * 11);
            // Half of them past, half coming, a week apart; each PD an hour later than the one before.
            var start = today.AddDays(7 * (i - target / 2)).AddMinutes(tenantIndex % 8 * 60);
            item.Apply(ContentParts.Title, new TitlePart { Title = title });
            item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = "agenda" });
            item.Apply(ContentParts.Event, new EventPart { StartUtc = start, EndUtc = start.AddHours(3), Place = "Aula Kecamatan " + Places[i % Places.Length] });
            item.Apply(ContentParts.Body, new BodyPart { Html = Body(shell.Settings.SiteName, title, i) });
            await RouteAsync(services, item);
            item.PublishedUtc = now.AddDays(-30 + i);
            await contents.CreateAsync(item, publish: true, "bench");
        });
    }

    private static async Task<int> InBatchesAsync(TenantScopeFactory scopes, TenantShell shell, int from, int to, Func<IServiceProvider, int, Task> create)
    {
        for (var start = from; start < to; start += Batch)
        {
            await using var scope = scopes.CreateScope(shell);
            var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
            await using var transaction = await session.BeginTransactionAsync();
            for (var i = start; i < Math.Min(to, start + Batch); i++) await create(scope.ServiceProvider, i);
            await transaction.CommitAsync(); // and then the outbox goes to the portal catalog
        }
        return Math.Max(0, to - from);
    }

    private static async Task<int> CountAsync(TenantScopeFactory scopes, TenantShell shell, string type)
    {
        await using var scope = scopes.CreateScope(shell);
        var page = await scope.ServiceProvider.GetRequiredService<ContentStore>().QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 1 });
        return (int)page.Total;
    }

    // As the editor does with an empty address: from the title, under the list's address, made unique.
    private static async Task RouteAsync(IServiceProvider services, ContentItem item)
    {
        var (path, error) = await services.GetRequiredService<RouteAvailability>().ResolveAsync(item, null);
        if (error is not null) throw new InvalidOperationException(error);
        item.Apply(ContentParts.Autoroute, new AutoroutePart { Path = path! });
    }

    /// <summary>"Sosialisasi Posyandu Balita di Jatiasih": distinct for the first 10,000 numbers, then numbered rounds.</summary>
    public static string Title(int n)
    {
        var i = n % DistinctTitles;
        var title = $"{Actions[i % Actions.Length]} {Topics[i / Actions.Length % Topics.Length]} di {Places[i / (Actions.Length * Topics.Length)]}";
        return n < DistinctTitles ? title : $"{title} (Tahap {n / DistinctTitles + 1})";
    }

    private static string Body(string siteName, string title, int i) =>
        $"<p>{siteName} menyelenggarakan kegiatan {title.ToLowerInvariant()} sebagai bagian dari program kerja tahun berjalan. " +
        "Kegiatan ini melibatkan aparatur kecamatan dan kelurahan, kader, serta perwakilan masyarakat.</p>" +
        "<p>Dalam sambutannya, kepala perangkat daerah menyampaikan bahwa pelayanan kepada masyarakat harus semakin mudah, " +
        "cepat dan terjangkau, serta mengajak warga menyampaikan saran melalui kanal pengaduan resmi.</p>" +
        $"<p>Kegiatan serupa akan dilanjutkan di wilayah lain secara bertahap. Informasi lengkap dapat diperoleh di kantor {siteName} " +
        $"pada hari kerja (nomor kegiatan {i + 1}).</p>";
}
