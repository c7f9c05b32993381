using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrchardSpbe.Bench;

/// <summary>
/// HTTP to the child host as a browser would address it (http://dinkes.localhost:port/). HttpClient
/// does not resolve *.localhost, so every connection goes to 127.0.0.1 and the name stays in the Host header.
/// </summary>
public sealed class SiteHttp : IDisposable
{
    private readonly int _port;

    public SiteHttp(int port)
    {
        _port = port;
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), token);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        Http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary>The Host header value a visitor of this tenant sends (the portal when <paramref name="tenant"/> is null).</summary>
    public string HostHeader(string? tenant) => $"{(tenant is null ? "" : tenant + ".")}localhost:{_port}";

    public Uri Url(string? tenant, string path = "/") => new($"http://{HostHeader(tenant)}{path}");

    /// <summary>GET with the whole body read; the time is what a visitor waits for the page.</summary>
    public async Task<TimeSpan> TimedGetAsync(Uri url) => (await TimedGetAsync(url, bypassCache: false)).Time;

    /// <summary>
    /// GET with the whole body read. <paramref name="bypassCache"/> sends an Authorization header, which the
    /// anonymous page cache refuses to answer or store (nothing in the host authenticates with it), and
    /// checks that no cached copy (an Age header) came back.
    /// </summary>
    public async Task<(TimeSpan Time, int Bytes)> TimedGetAsync(Uri url, bool bypassCache)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bypassCache) request.Headers.TryAddWithoutValidation("Authorization", "Bench uncached");
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        if (bypassCache && response.Headers.Age is not null) throw new InvalidOperationException($"GET {url} was answered from the page cache");
        return (clock.Elapsed, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    /// <summary>
    /// One request, a form posted when <paramref name="form"/> is given; fails unless it answers <paramref name="expected"/>.
    /// The client time runs from sending to the whole body read; the server time is the host's Server-Timing
    /// (<c>app;dur=</c>, on with <c>--Spbe:Hosting:ServerTiming=true</c>).
    /// </summary>
    public async Task<Timing> TimedAsync(HttpMethod method, Uri url, IDictionary<string, string>? form, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        clock.Stop();
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}, not {(int)expected}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}");
        var server = response.Headers.TryGetValues("Server-Timing", out var values)
            && values.Select(v => v.Split(";dur=")).FirstOrDefault(p => p.Length == 2 && p[0] == "app") is { } app
            ? double.Parse(app[1], System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{method} {url}: no Server-Timing app;dur= header");
        return new Timing(clock.Elapsed.TotalMilliseconds, server, body.Length);
    }

    public void Dispose() => Http.Dispose();
}
