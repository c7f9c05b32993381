using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace OrchardSpbe.Testing;

/// <summary>
/// A real SMTP server on a loopback port: aiosmtpd (Debian's python3-aiosmtpd, installed by .ci/services) writing
/// every message it accepts to a Maildir, read back with MimeKit. Its port is fixed when it is made, so a site
/// can be configured with a sink that is not started yet (the mail server is down) and starts later.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _maildir;
    private Process? _server;

    private SmtpSink(int port, string maildir)
    {
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    /// <summary>What a test site needs to send here (<c>Spbe:Smtp:*</c>): plain SMTP, no sign-in.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Spbe:Smtp:Host"] = "127.0.0.1",
        ["Spbe:Smtp:Port"] = Port.ToString(),
        ["Spbe:Smtp:Tls"] = "None",
        ["Spbe:Smtp:FromAddress"] = "noreply@bekasikota.go.id",
    };

    /// <summary>A sink on a free port, not accepting yet.</summary>
    public static SmtpSink Create()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpSink(port, Path.Combine(Path.GetTempPath(), "spbe-tests", "smtp-" + Guid.NewGuid().ToString("N")[..10]));
    }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = Create();
        await sink.StartAsync();
        return sink;
    }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_server is not null) throw new InvalidOperationException("The SMTP sink already runs.");
        var start = new ProcessStartInfo(TestEnvironment.PythonPath)
        {
            // -n: stay the current user; Mailbox: one file per message in <maildir>/new.
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited ({_server.ExitCode}); is python3-aiosmtpd installed for {TestEnvironment.PythonPath}? Run .ci/services.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"aiosmtpd did not accept connections on port {Port}.");
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            var folder = Path.Combine(_maildir, "new");
            if (!Directory.Exists(folder)) return [];
            // Mailbox writes to tmp/ and renames into new/, so every file here is complete.
            return Directory.GetFiles(folder)
                .Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
                .Select(f => MimeMessage.Load(f.FullName)).ToList();
        }
    }

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } message) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("No matching e-mail arrived; received: " +
                                           string.Join(" | ", Messages.Select(m => $"{m.To} '{m.Subject}'")));
            await Task.Delay(100);
        }
    }

    /// <summary>The messages to one address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task StopAsync()
    {
        if (_server is null) return;
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_maildir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
