namespace OrchardSpbe.Bench;

/// <summary>
/// What one run measures and where: --tenants 120 --starts 3 --creations 5 --wrk-seconds 10
/// --wrk-warmup-seconds 15 --wrk-rounds 2 --settle-seconds 5 --out DIR --host-dll PATH.
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
            OutDir = Path.GetFullPath(values.GetValueOrDefault("out") ?? Path.Combine(repo, "bench", "out")),
            HostDll = Path.GetFullPath(values.GetValueOrDefault("host-dll")
                ?? Path.Combine(repo, "src", "OrchardSpbe.Web", "bin", "Release", "net10.0", "OrchardSpbe.Web.dll")),
        };
        if (settings.Tenants < 2 || settings.Starts < 1 || settings.WrkRounds < 1)
            throw new ArgumentException("Need --tenants >= 2, --starts >= 1 and --wrk-rounds >= 1.");
        if (!File.Exists(settings.HostDll)) throw new FileNotFoundException("Host not built (run bench/run.sh).", settings.HostDll);
        return settings;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrchardSpbe.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
