namespace OrchardSpbe.Bench;

/// <summary>
/// What one run measures and where: --tenants 120 --starts 3 --creations 5 --wrk-seconds 10
/// --wrk-warmup-seconds 15 --wrk-rounds 2 --settle-seconds 5 --out DIR --host-dll PATH; for the content
/// sections --content-tenant dinkes --content-items 10000 --news-per-tenant 50 --agenda-per-tenant 10
/// --latency-requests 250 --latency-warmup 50; for the approvals --workflow-tenants 30 --workflow-tenant disdik
/// --workflow-history 10000 --workflow-waiting 1000 --workflow-warmup 1000 --workflow-clients 8;
/// for search --search-news-per-tenant 500 --search-pages-per-tenant 50
/// --search-clients 16 --search-requests 2000; for statistics (PostgreSQL and Redis) --stat-tenants 120 --stat-indicators 200
/// --stat-series-indicators 200 --stat-years 10 --stat-requests 2000 --stat-latency-requests 300 --stat-import-values 1000000
/// --stat-handovers 3 --postgres CONNSTRING --redis HOST:PORT; for applications --app-applications 3000 --app-devices 10000 --app-requests 300; for the soak --soak-tenants 120 --soak-clients 64 --soak-seconds 600; for the tenant admin --admin-tenants 1000 --admin-providers sqlite,postgres;
/// --skip platform,backup,lists,portal,workflows,search,statistics leaves sections out; --only soak runs only those named.
/// Small values keep development runs short.
/// </summary>
public sealed record BenchSettings
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Bench-Rahasia-2026";

    public int Tenants { get; init; } = 120;
    public int Starts { get; init; } = 3;
    public int Creations { get; init; } = 5;
    public int WrkSeconds { get; init; } = 10;
    public int WrkWarmupSeconds { get; init; } = 15;
    public int WrkRounds { get; init; } = 2;
    public int WrkThreads { get; init; } = 2;
    public int WrkConnections { get; init; } = 32;
    public int SettleSeconds { get; init; } = 5;
    public string WrkTenant { get; init; } = "dinkes";

    /// <summary>The PD whose news list holds <see cref="ContentItems"/> articles (admin and public lists).</summary>
    public string ContentTenant { get; init; } = "dinkes";
    public int ContentItems { get; init; } = 10_000;
    public int NewsPerTenant { get; init; } = 50;
    public int AgendaPerTenant { get; init; } = 10;
    public int SearchNewsPerTenant { get; init; } = 500;
    public int SearchPagesPerTenant { get; init; } = 50;
    public int SearchClients { get; init; } = 16;
    public int SearchRequests { get; init; } = 2000;
    public int LatencyRequests { get; init; } = 250;
    public int LatencyWarmup { get; init; } = 50;

    /// <summary>Approvals (issue 4): the first <see cref="WorkflowTenants"/> PDs, one of which holds the finished history.</summary>
    public int WorkflowTenants { get; init; } = 30;
    public string WorkflowTenant { get; init; } = "disdik";
    public int WorkflowHistory { get; init; } = 10_000;
    public int WorkflowWaiting { get; init; } = 1_000;
    public int WorkflowWarmup { get; init; } = 1_000;
    public int WorkflowClients { get; init; } = 8;

    /// <summary>Statistics (issue 10), on PostgreSQL and Redis: PDs × indicators, of which the first <see cref="StatSeriesIndicators"/> get a monthly series over the years for the city and 12 kecamatan.</summary>
    public int StatTenants { get; init; } = 120;
    public int StatIndicators { get; init; } = 200;
    public int StatSeriesIndicators { get; init; } = 200;
    public int StatYears { get; init; } = 10;
    public int StatRequests { get; init; } = 2000;
    public int StatLatencyRequests { get; init; } = 300;
    public int StatImportValues { get; init; } = 1_000_000;
    public int StatHandovers { get; init; } = 3;
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=5432;Username=spbe;Password=spbe;Database=spbe_test;Maximum Pool Size=40;Timeout=15";
    public string Redis { get; init; } = "127.0.0.1:6379";

    /// <summary>Applications (issue 14), on the SQLite App_Data: registered applications and devices over the seeded PDs; requests per figure.</summary>
    public int AppApplications { get; init; } = 3_000;
    public int AppDevices { get; init; } = 10_000;
    public int AppRequests { get; init; } = 300;

    /// <summary>
    /// Issue 11: the PDs the public datasets are spread over and how many; package_search's concurrent clients and requests
    /// (a quarter of them for datastore_search, one at a time); the CSV's rows; the kills mid-publish and the catch-up allowed after each.
    /// </summary>
    public int DsTenants { get; init; } = 120;
    public int DsDatasets { get; init; } = 10_000;
    public int DsClients { get; init; } = 16;
    public int DsRequests { get; init; } = 2000;
    public int DsRows { get; init; } = 1_000_000;
    public int DsKills { get; init; } = 3;
    public int DsCatchupSeconds { get; init; } = 30;

    /// <summary>Issue 13: the PDs members are placed at, the current round's applicants, the members, the years of monthly reports, ICT staff a PD registers.</summary>
    public int ProgTenants { get; init; } = 30;
    public int ProgApplicants { get; init; } = 2_000;
    public int ProgMembers { get; init; } = 300;
    public int ProgYears { get; init; } = 5;
    public int ProgStaffPerPd { get; init; } = 5;

    /// <summary>Issue 17: tenants in one process; seconds after the sweep's first pass before the idle CPU is read, and how long it is read.</summary>
    public int ScaleTenants { get; init; } = 1_000;
    public int ScaleSettleSeconds { get; init; } = 30;
    public int ScaleIdleSeconds { get; init; } = 60;

    /// <summary>The soak (issue 12 §5), only with --only soak: PD sites, concurrent clients, duration.</summary>
    public int SoakTenants { get; init; } = 120;
    public int SoakClients { get; init; } = 64;
    public int SoakSeconds { get; init; } = 600;

    /// <summary>Issue 17 §4 (section "tenants"): PD sites seeded for the tenant list and the upgrade, on SQLite and on PostgreSQL.</summary>
    public int AdminTenants { get; init; } = 1000;

    /// <summary>The stores the "tenants" section runs on: sqlite, postgres or both (--admin-providers sqlite,postgres).</summary>
    public IReadOnlyList<DatabaseProviderName> AdminProviders { get; init; } = [DatabaseProviderName.Sqlite, DatabaseProviderName.Postgres];

    /// <summary>
    /// Sections left out: "platform" (figures 1–6), "backup" (issue 12), "lists" (admin and public lists), "portal" (portal home),
    /// "workflows" (approvals), "search", "statistics" (issue 10, PostgreSQL), "datasets" (issue 11), "soak" (issue 12, left out unless named in --only).
    /// </summary>
    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();

    public bool Runs(string section) => !Skip.Contains(section);

    public required string OutDir { get; init; }
    public required string HostDll { get; init; }

    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            values[args[i][2..]] = args[++i];
        }
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v) : fallback;

        // Defaults follow the repository layout, so `dotnet run` works without run.sh.
        var repo = FindRepositoryRoot();
        var settings = new BenchSettings
        {
            Tenants = Int("tenants", 120),
            Starts = Int("starts", 3),
            Creations = Int("creations", 5),
            WrkSeconds = Int("wrk-seconds", 10),
            WrkWarmupSeconds = Int("wrk-warmup-seconds", 15),
            WrkRounds = Int("wrk-rounds", 2),
            WrkThreads = Int("wrk-threads", 2),
            WrkConnections = Int("wrk-connections", 32),
            SettleSeconds = Int("settle-seconds", 5),
            WrkTenant = values.GetValueOrDefault("wrk-tenant", "dinkes"),
            ContentTenant = values.GetValueOrDefault("content-tenant", "dinkes"),
            ContentItems = Int("content-items", 10_000),
            NewsPerTenant = Int("news-per-tenant", 50),
            AgendaPerTenant = Int("agenda-per-tenant", 10),
            SearchNewsPerTenant = Int("search-news-per-tenant", 500),
            SearchPagesPerTenant = Int("search-pages-per-tenant", 50),
            SearchClients = Int("search-clients", 16),
            SearchRequests = Int("search-requests", 2000),
            LatencyRequests = Int("latency-requests", 250),
            LatencyWarmup = Int("latency-warmup", 50),
            WorkflowTenants = Int("workflow-tenants", 30),
            WorkflowTenant = values.GetValueOrDefault("workflow-tenant", "disdik"),
            WorkflowHistory = Int("workflow-history", 10_000),
            WorkflowWaiting = Int("workflow-waiting", 1_000),
            WorkflowWarmup = Int("workflow-warmup", 1_000),
            WorkflowClients = Int("workflow-clients", 8),
            StatTenants = Int("stat-tenants", 120),
            StatIndicators = Int("stat-indicators", 200),
            StatSeriesIndicators = Int("stat-series-indicators", 200),
            StatYears = Int("stat-years", 10),
            StatRequests = Int("stat-requests", 2000),
            StatLatencyRequests = Int("stat-latency-requests", 300),
            StatImportValues = Int("stat-import-values", 1_000_000),
            StatHandovers = Int("stat-handovers", 3),
            ProgTenants = Int("prog-tenants", 30),
            ProgApplicants = Int("prog-applicants", 2_000),
            ProgMembers = Int("prog-members", 300),
            ProgYears = Int("prog-years", 5),
            ProgStaffPerPd = Int("prog-staff-per-pd", 5),
            AppApplications = Int("app-applications", 3_000),
            AppDevices = Int("app-devices", 10_000),
            AppRequests = Int("app-requests", 300),
            ScaleTenants = Int("scale-tenants", 1_000),
            ScaleSettleSeconds = Int("scale-settle-seconds", 30),
            ScaleIdleSeconds = Int("scale-idle-seconds", 60),
            DsTenants = Int("ds-tenants", 120),
            DsDatasets = Int("ds-datasets", 10_000),
            DsClients = Int("ds-clients", 16),
            DsRequests = Int("ds-requests", 2000),
            DsRows = Int("ds-rows", 1_000_000),
            DsKills = Int("ds-kills", 3),
            DsCatchupSeconds = Int("ds-catchup-seconds", 30),
            SoakTenants = Int("soak-tenants", 120),
            SoakClients = Int("soak-clients", 64),
            SoakSeconds = Int("soak-seconds", 600),
            AdminTenants = Int("admin-tenants", 1000),
            AdminProviders = values.GetValueOrDefault("admin-providers", "sqlite,postgres")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => Enum.Parse<DatabaseProviderName>(p, ignoreCase: true)).ToList(),
            Postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("SPBE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=spbe;Password=spbe;Database=spbe_test;Maximum Pool Size=40;Timeout=15",
            Redis = values.GetValueOrDefault("redis") ?? Environment.GetEnvironmentVariable("SPBE_TEST_REDIS") ?? "127.0.0.1:6379",
            // --only a,b runs just those sections; the soak runs only when named there.
            Skip = values.TryGetValue("only", out var only)
                ? Sections.Except(only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet()
                : values.GetValueOrDefault("skip", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("soak").ToHashSet(),
            OutDir = Path.GetFullPath(values.GetValueOrDefault("out") ?? Path.Combine(repo, "bench", "out")),
            HostDll = Path.GetFullPath(values.GetValueOrDefault("host-dll")
                ?? Path.Combine(repo, "src", "OrchardSpbe.Web", "bin", "Release", "net10.0", "OrchardSpbe.Web.dll")),
        };
        if (settings.Tenants < 2 || settings.Starts < 1 || settings.WrkRounds < 1 || settings.LatencyRequests < 1)
            throw new ArgumentException("Need --tenants >= 2, --starts >= 1, --wrk-rounds >= 1 and --latency-requests >= 1.");
        if (settings.WorkflowTenants < 1 || settings.WorkflowClients < 1 || settings.WorkflowWaiting < 1)
            throw new ArgumentException("Need --workflow-tenants, --workflow-clients and --workflow-waiting >= 1.");
        if (settings.Skip.Except(Sections).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown section '{unknown}' in --skip; known: {string.Join(", ", Sections)}.");
        if (!File.Exists(settings.HostDll)) throw new FileNotFoundException("Host not built (run bench/run.sh).", settings.HostDll);
        return settings;
    }

    public static readonly string[] Sections = ["platform", "backup", "lists", "portal", "workflows", "search", "statistics", "programmers", "applications", "datasets", "scale", "tenants", "soak"];

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrchardSpbe.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
