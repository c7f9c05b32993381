using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrchardSpbe.Testing;

/// <summary>
/// The platform as a separate operating-system process (the same OrchardSpbe.Web.dll the tests load), on the test
/// site's stores and App_Data folder (its PostgreSQL schemas or SQLite files, media, search indexes) once the in-process
/// site is stopped — so a fail point can kill it for real (SIGKILL, nothing flushed) in the middle of a write.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public bool HasExited => _process.HasExited;

    public Uri Url(string? tenant, string path = "/") => new($"http://{(tenant is null ? "" : tenant + ".")}localhost:{Port}{path}");

    public SiteClient NewVisitor() => new(Port);

    public static async Task<NodeProcess> StartAsync(TestSite site, string? failPoint, params string[] settings)
    {
        var port = FreePort.Next();
        var postgres = site.Options.Provider == DatabaseProviderName.Postgres;
        // The site's own folder: its SQLite stores, its media and its search indexes are the node's.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] database = postgres
            ? ["--Spbe:Database:Provider=Postgres", $"--Spbe:Database:ConnectionString={TestEnvironment.PostgresConnectionString}",
               $"--Spbe:Database:HostSchema=h{site.RunId}", $"--Spbe:Database:SchemaPrefix=t{site.RunId}_"]
            : ["--Spbe:Database:Provider=Sqlite"];
        foreach (var argument in new[]
                 {
                     "exec", Path.Combine(AppContext.BaseDirectory, "OrchardSpbe.Web.dll"),
                     $"--urls=http://127.0.0.1:{port}", "--environment=Testing",
                     $"--Spbe:AppData={site.AppData}", $"--Spbe:Recipes:Path={site.RecipesFolder}", "--Spbe:Hosting:LocalDomain=localhost",
                     "--Spbe:Setup:SampleTenants=false", $"--Spbe:Setup:AdminPassword={TestEnvironment.AdminPassword}",
                     "--Spbe:Security:SignInPermitLimit=1000", "--Logging:LogLevel:Default=Warning",
                     $"--Spbe:FailPoint={failPoint ?? ""}",
                 }.Concat(database).Concat(settings.Select(s => "--" + s)))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, port);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The node exited with {process.ExitCode} before it answered.");
            try
            {
                if ((await probe.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode == HttpStatusCode.OK) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The node did not start.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits for the process to have killed itself at its fail point.</summary>
    public async Task WaitForDeathAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        // Killed by SIGKILL: 137, never a clean exit.
        if (_process.ExitCode == 0) throw new InvalidOperationException("The node exited cleanly instead of being killed at its fail point.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
