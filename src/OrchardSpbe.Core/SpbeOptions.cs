namespace OrchardSpbe;

/// <summary>The platform's configuration, bound from the "Spbe" section (appsettings.json or SPBE__* variables).</summary>
public sealed class SpbeOptions
{
    /// <summary>Where tenant files live: SQLite databases, media, data-protection keys (relative to the content root).</summary>
    public string AppData { get; set; } = "App_Data";

    public DatabaseSettings Database { get; set; } = new();
    public HostingSettings Hosting { get; set; } = new();
    public RedisSettings Redis { get; set; } = new();
    public SetupSettings Setup { get; set; } = new();
    public SecuritySettings Security { get; set; } = new();
    public MetricsSettings Metrics { get; set; } = new();
    public BackupSettings Backup { get; set; } = new();
    public OutboundSettings Outbound { get; set; } = new();
    public Hosting.PageCache.PageCacheSettings PageCache { get; set; } = new();

    /// <summary>Tests only: the name of a <see cref="Handover.FailPoints"/> point at which the process kills itself.</summary>
    public string? FailPoint { get; set; }

    /// <summary>
    /// Benchmarks only (bench section "tenants", issue 17 §4): the framework's migration gets one more, harmless step, so
    /// a host started with it has a new migration pending in every tenant. Off in production.
    /// </summary>
    public bool BenchUpgradeStep { get; set; }
}

public enum DatabaseProviderName { Sqlite, Postgres }

public sealed class DatabaseSettings
{
    public DatabaseProviderName Provider { get; set; } = DatabaseProviderName.Sqlite;

    /// <summary>PostgreSQL: the shared database; each tenant gets its own schema in it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL: the schema that holds the host's own tables (the tenant list).</summary>
    public string HostSchema { get; set; } = "spbe_host";

    /// <summary>PostgreSQL: tenant schemas are named prefix + tenant name; tests use a prefix per run.</summary>
    public string SchemaPrefix { get; set; } = "t_";

    /// <summary>SQLite: a tenant's pooled connections close after this long unused (issue 17: memory in proportion to use).</summary>
    public TimeSpan IdleStoreRelease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: at most this many tenants keep pooled connections open, the most recently used. Each open connection
    /// holds its parsed schema and page cache (about 0.3 MB for a PD site); reopening costs a millisecond or two.
    /// </summary>
    public int OpenTenantStores { get; set; } = 32;
}

public sealed class HostingSettings
{
    /// <summary>The canonical domain tenants' host names are written in.</summary>
    public string BaseDomain { get; set; } = "bekasikota.go.id";

    /// <summary>A domain that stands in for <see cref="BaseDomain"/> on a developer's machine: dinkes.localhost → dinkes.bekasikota.go.id.</summary>
    public string? LocalDomain { get; set; }

    /// <summary>
    /// Behind a reverse proxy (nginx in the city data centre): take the client address and scheme from
    /// X-Forwarded-For/-Proto sent by these proxy addresses, so rate limits and audit see the real client.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Adds <c>Server-Timing: app;dur=…</c> (ms until the response's headers) to every response, for measuring
    /// server time apart from the network (the benchmark turns it on). Off by default: it tells visitors how long pages take.
    /// </summary>
    public bool ServerTiming { get; set; }
}

public sealed class RedisSettings
{
    /// <summary>StackExchange.Redis configuration string; empty for a single node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Channel and key prefix, so several deployments (or test runs) can share one Redis.</summary>
    public string Prefix { get; set; } = "spbe";
}

public sealed class SetupSettings
{
    /// <summary>Run the first-run setup (Default tenant plus sample PD tenants) when the host has no tenant.</summary>
    public bool AutoSetup { get; set; } = true;
    public string PortalRecipe { get; set; } = "bekasi-portal";
    public bool SampleTenants { get; set; } = true;
    public string SampleTenantsRecipe { get; set; } = "bekasi-sample-tenants";
    public string AdminUserName { get; set; } = "admin";
    public string AdminEmail { get; set; } = "admin@bekasikota.go.id";

    /// <summary>The first administrator's password; when empty one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}

public sealed class SecuritySettings
{
    /// <summary>Failed sign-in attempts allowed per client address and tenant in one window (correct ones never count).</summary>
    public int SignInPermitLimit { get; set; } = 10;
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Failed passwords from one address for one user name before that pair must wait (1 s, doubling), and the
    /// longest wait in minutes. No account is locked: the names are kept for existing configurations.
    /// </summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>Calls the platform makes to addresses users give (resource links, workflow HTTP requests).</summary>
public sealed class OutboundSettings
{
    /// <summary>
    /// Host names that may be reached even though they resolve inside the network — the city's own intranet data
    /// servers, for example. Every other internal address is refused (no SSRF).
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];
}

/// <summary>The operators' metrics endpoint (OpenTelemetry, Prometheus format): off unless enabled, and then only with the token.</summary>
public sealed class MetricsSettings
{
    public bool Enabled { get; set; }

    /// <summary>Path of the scrape endpoint.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>The bearer token Prometheus sends (<c>authorization: credentials:</c> in its scrape configuration). Required when enabled.</summary>
    public string? Token { get; set; }
}

/// <summary>Issue 12 §1 (001 Pasal 14(7)): where backups go, their encryption and the schedule.</summary>
public sealed class BackupSettings
{
    /// <summary>Where backups are written and listed (relative to App_Data unless rooted).</summary>
    public string Folder { get; set; } = "Backups";

    /// <summary>Base64 of a 32-byte key: backups are encrypted with AES-256-GCM when set.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The time of day (WIB, "HH:mm") of the scheduled whole-platform backup; empty: no schedule.</summary>
    public string? DailyAt { get; set; }

    /// <summary>Scheduled backups kept: the newest of each of the last N days, and of the last M months.</summary>
    public int KeepDaily { get; set; } = 7;
    public int KeepMonthly { get; set; } = 12;
}
