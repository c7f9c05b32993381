using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrchardSpbe.Tenants;
using OrchardSpbe.Web;

namespace OrchardSpbe.Testing;

public sealed record TestSiteOptions
{
    public DatabaseProviderName Provider { get; init; } = DatabaseProviderName.Sqlite;

    /// <summary>Share a database and Redis namespace with another node: pass that node's <see cref="TestSite.RunId"/>.</summary>
    public string? RunId { get; init; }
    public bool UseRedis { get; init; }
    public bool SampleTenants { get; init; }
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra modules for the test (e.g. a demo module with dependent features).</summary>
    public Action<OrchardSpbe.Hosting.SpbeBuilder>? Extend { get; init; }
}

/// <summary>
/// The real application on a free loopback port, with its own App_Data folder (a real SQLite file per
/// tenant) or its own schemas in the real PostgreSQL test database. PD sites answer at
/// http://&lt;name&gt;.localhost:&lt;port&gt;/ — the host's LocalDomain maps them to bekasikota.go.id.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly bool _ownsSchemas;

    private TestSite(WebApplication app, TestSiteOptions options, string runId, string appData, bool ownsSchemas)
    {
        App = app;
        Options = options;
        RunId = runId;
        AppData = appData;
        _ownsSchemas = ownsSchemas;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public WebApplication App { get; }
    public TestSiteOptions Options { get; }
    public string RunId { get; }
    public string AppData { get; }
    public int Port { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<TestSite> StartAsync(TestSiteOptions? options = null)
    {
        options ??= new TestSiteOptions();
        var ownsSchemas = options.RunId is null;
        var runId = options.RunId ?? Guid.NewGuid().ToString("N")[..10];
        var appData = Path.Combine(Path.GetTempPath(), "spbe-tests", runId + "-" + Guid.NewGuid().ToString("N")[..6]);
        // Each site reads its own copy of the shipped recipes, so a test may add a broken one.
        var recipes = Path.Combine(appData, "recipes");
        Directory.CreateDirectory(recipes);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "recipes"), "*.json"))
            File.Copy(file, Path.Combine(recipes, Path.GetFileName(file)));
        var settings = new Dictionary<string, string?>
        {
            ["Spbe:Recipes:Path"] = recipes,
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Testing",
            ["Spbe:AppData"] = appData,
            ["Spbe:Hosting:LocalDomain"] = "localhost",
            ["Spbe:Setup:AdminPassword"] = TestEnvironment.AdminPassword,
            ["Spbe:Setup:SampleTenants"] = options.SampleTenants ? "true" : "false",
            ["Spbe:Database:Provider"] = options.Provider.ToString(),
            // Every test signs in from 127.0.0.1; the limit itself is tested with a strict site of its own.
            ["Spbe:Security:SignInPermitLimit"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        if (options.Provider == DatabaseProviderName.Postgres)
        {
            settings["Spbe:Database:ConnectionString"] = TestEnvironment.PostgresConnectionString;
            settings["Spbe:Database:HostSchema"] = $"h{runId}";
            settings["Spbe:Database:SchemaPrefix"] = $"t{runId}_";
        }
        if (options.UseRedis)
        {
            settings["Spbe:Redis:Configuration"] = TestEnvironment.RedisConfiguration;
            settings["Spbe:Redis:Prefix"] = "spbe-test-" + runId;
        }
        foreach (var (key, value) in options.Settings) settings[key] = value;

        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var app = await SpbeApplication.BuildAsync(args, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning), options.Extend);
        await app.StartAsync();
        return new TestSite(app, options, runId, appData, ownsSchemas);
    }

    /// <summary>The URL of a PD site ("dinkes") or, with null, the city portal.</summary>
    public Uri Url(string? tenant, string path = "/") =>
        new($"http://{(tenant is null ? "" : tenant + ".")}localhost:{Port}{path}");

    /// <summary>A new visitor: own cookies, no redirects followed unless asked.</summary>
    public SiteClient NewVisitor() => new(Port);

    /// <summary>A new visitor on another computer: its connections come from <paramref name="address"/> (127.x.y.z).</summary>
    public SiteClient NewVisitorFrom(string address) => new(Port, System.Net.IPAddress.Parse(address));

    public TenantRegistry Registry => Services.GetRequiredService<TenantRegistry>();

    public string RecipesFolder => Path.Combine(AppData, "recipes");

    /// <summary>Creates a PD tenant through the same manager the admin screens use (setup, not the thing under test).</summary>
    public async Task<TenantRecord> CreateTenantAsync(string name, string? displayName = null)
    {
        var result = await Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest
        {
            Name = name,
            DisplayName = displayName ?? "Dinas Uji " + name,
            Category = "Dinas",
            Hosts = [$"{name}.bekasikota.go.id"],
            AdminUserName = "admin",
            AdminEmail = $"admin@{name}.bekasikota.go.id",
            AdminPassword = TestEnvironment.AdminPassword,
        });
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
        return result.Tenant!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsSchemas && Options.Provider == DatabaseProviderName.Postgres) await DropSchemasAsync(RunId);
        try { Directory.Delete(AppData, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static async Task DropSchemasAsync(string runId)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT nspname FROM pg_namespace WHERE nspname = @host OR nspname LIKE @tenants", connection);
        list.Parameters.AddWithValue("host", $"h{runId}");
        list.Parameters.AddWithValue("tenants", $"t{runId}\\_%");
        var schemas = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        foreach (var schema in schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
