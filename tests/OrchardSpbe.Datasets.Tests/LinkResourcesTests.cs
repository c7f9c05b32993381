using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// A site whose operators allow one intranet host (here the loopback address, where the test's own file server
/// listens) through <c>Spbe:Outbound:AllowedHosts</c>; every other internal address stays refused.
/// </summary>
public sealed class IntranetLinkSite : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public FileServer Files { get; } = new();

    public async Task InitializeAsync() => Site = await TestSite.StartAsync(new TestSiteOptions
    {
        Settings = new Dictionary<string, string?> { ["Spbe:Outbound:AllowedHosts:0"] = "127.0.0.1" },
    });

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        Files.Dispose();
    }
}

/// <summary>The walidata's data server: a CSV with its Last-Modified, a missing file and a redirect to the cloud metadata address.</summary>
public sealed class FileServer : IDisposable
{
    public static readonly byte[] Csv = Encoding.UTF8.GetBytes("kecamatan,kasus\nBekasi Timur,12\nJatiasih,7\nBantargebang,3\n");
    public static readonly DateTimeOffset Modified = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly HttpListener _listener = new();

    public int Port { get; }

    public FileServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); Port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var response = context.Response;
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/kasus.csv":
                    response.ContentType = "text/csv";
                    response.Headers["Last-Modified"] = Modified.ToString("R");
                    await response.OutputStream.WriteAsync(Csv);
                    break;
                case "/alih":
                    response.StatusCode = 302;
                    response.RedirectLocation = "http://169.254.169.254/latest/meta-data/";
                    break;
                default:
                    response.StatusCode = 404;
                    break;
            }
            response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>
/// A resource given as a link is fetched once through Core's outbound client: it gets a size, a SHA-256 and a
/// last-modified time like an upload, and a CSV reaches the DataStore. A link that cannot be fetched is kept with the
/// reason, and a redirect into the network is refused at connection.
/// </summary>
public sealed class LinkResourcesTests(IntranetLinkSite fixture) : IClassFixture<IntranetLinkSite>
{
    [Fact]
    public async Task A_linked_csv_is_fetched_hashed_and_loaded_and_unreachable_or_internal_links_say_why()
    {
        var desk = await DataDesk.OpenAsync(fixture.Site, "dklink");
        var id = await desk.PublishDatasetAsync("Kasus DBD dari server dinas", "kasus-tautan");

        var page = await desk.AddResourceAsync(desk.PdAdmin, id, "Kasus dari server", url: fixture.Files.Url("/kasus.csv"), format: "CSV");
        Assert.Empty(page.Errors);
        var resourceId = await desk.ResourceIdAsync(id, "Kasus dari server");
        using var visitor = fixture.Site.NewVisitor();
        var shown = await visitor.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/resource_show?id={resourceId}"));
        var resource = shown.GetProperty("result");
        Assert.Equal(FileServer.Csv.Length, resource.GetProperty("size").GetInt64());
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(FileServer.Csv)), resource.GetProperty("hash").GetString());
        Assert.StartsWith("2025-03-01T08:00:00", resource.GetProperty("last_modified").GetString());
        Assert.Equal(fixture.Files.Url("/kasus.csv"), resource.GetProperty("url").GetString());
        var rows = await visitor.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}&sort=_id"));
        Assert.Equal(3, rows.GetProperty("result").GetProperty("total").GetInt64());
        Assert.Equal("Jatiasih", rows.GetProperty("result").GetProperty("records")[1].GetProperty("kecamatan").GetString());

        foreach (var (name, path, reason) in new[] { ("Hilang", "/hilang.csv", "HTTP 404"), ("Dialihkan", "/alih", "tidak dapat diambil") })
        {
            var kept = await desk.AddResourceAsync(desk.PdAdmin, id, name, url: fixture.Files.Url(path), format: "CSV");
            Assert.Empty(kept.Errors);
            var row = kept.Document.QuerySelectorAll("tr[data-resource]").Single(r => r.TextContent.Contains(name));
            Assert.Contains(reason, row.QuerySelector("td[data-datastore]")!.TextContent);
        }
        // Another internal address is still refused when it is entered.
        var refused = await desk.AddResourceAsync(desk.PdAdmin, id, "Internal", url: "http://10.1.2.3/a.csv", format: "CSV");
        Assert.Contains(refused.Errors, e => e.Contains("jaringan internal"));
    }
}
