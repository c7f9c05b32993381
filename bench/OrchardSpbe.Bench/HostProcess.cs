using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace OrchardSpbe.Bench;

/// <summary>
/// The real host as a separate process (`dotnet OrchardSpbe.Web.dll …`), so its memory is its own and
/// start-up includes the runtime's. Its console goes straight to a log file through the shell, so
/// this process spends no CPU copying log lines while the host is measured.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _sinceLaunch;

    private HostProcess(Process process, Stopwatch sinceLaunch, int port, string logFile)
    {
        _process = process;
        _sinceLaunch = sinceLaunch;
        Port = port;
        LogFile = logFile;
    }

    public int Port { get; }
    public int Pid => _process.Id;
    public string LogFile { get; }

    public static HostProcess Start(BenchSettings settings, string appData, string logFile, IEnumerable<string>? extraArgs = null)
    {
        var port = FreePort();
        // exec keeps the pid: the shell becomes dotnet, so /proc/<pid> is the host's.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "log=$1; shift; exec \"$@\" >\"$log\" 2>&1", "sh", logFile, "dotnet", settings.HostDll })
            start.ArgumentList.Add(arg);
        foreach (var arg in HostArgs.For(appData, port).Concat(extraArgs ?? [])) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        return new HostProcess(Process.Start(start)!, clock, port, logFile);
    }

    /// <summary>Polls the portal until it answers 200; returns the time since the process was launched.</summary>
    public async Task<TimeSpan> WaitForPortalAsync(SiteHttp http, TimeSpan timeout)
    {
        while (_sinceLaunch.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Host exited ({_process.ExitCode}); see {LogFile}");
            try
            {
                using var response = await http.Http.GetAsync(http.Url(null));
                if (response.StatusCode == HttpStatusCode.OK) return _sinceLaunch.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the host starts every tenant before Kestrel opens its port.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Portal did not answer 200 within {timeout}; see {LogFile}");
    }

    /// <summary>Waits until the host's log holds <paramref name="text"/>; returns the time since launch, or null on timeout.</summary>
    public async Task<TimeSpan?> WaitForLogAsync(string text, TimeSpan timeout)
    {
        while (_sinceLaunch.Elapsed < timeout && !_process.HasExited)
        {
            await using (var log = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(log))
                if ((await reader.ReadToEndAsync()).Contains(text, StringComparison.Ordinal)) return _sinceLaunch.Elapsed;
            await Task.Delay(500);
        }
        return null;
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer ends a node: no shutdown, no flush; returns once it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _ = Kill(_process.Id, 9);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM first so the host shuts down as in production (SQLite closes cleanly), then kill if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _ = Kill(_process.Id, 15);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await _process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
