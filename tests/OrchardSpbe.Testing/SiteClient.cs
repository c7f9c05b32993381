using System.Net;
using System.Net.Sockets;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace OrchardSpbe.Testing;

/// <summary>
/// A visitor's HTTP client: keeps cookies per host like a browser, connects every *.localhost name to
/// the test host's loopback port, and fills in forms as served (hidden antiforgery fields included).
/// </summary>
public sealed class SiteClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="from">The client's own loopback address (127.0.0.2, …): another computer, as the server sees it.</param>
    public SiteClient(int port, IPAddress? from = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (from is not null) socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public CookieContainer Cookies { get; }
    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>GET, following redirects, and parse the page.</summary>
    public async Task<Page> OpenAsync(Uri url) => await ReadAsync(await FollowAsync(await _http.GetAsync(url)));

    /// <summary>
    /// Opens the page, finds the form (by CSS selector), sets the given fields on top of what the page
    /// pre-filled, and submits it as the browser would; follows the redirect that usually answers a POST.
    /// </summary>
    public async Task<Page> SubmitAsync(Uri pageUrl, string formSelector, IDictionary<string, string> fields,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var page = await OpenAsync(pageUrl);
        return await page.SubmitAsync(this, formSelector, fields, files);
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int maxHops = 8)
    {
        while (maxHops-- > 0 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await _http.GetAsync(next);
        }
        return response;
    }

    public static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
        return new Page(response, document, html);
    }

    /// <summary>Signs in on a tenant's admin; returns the page the sign-in led to.</summary>
    public Task<Page> SignInAsync(Uri siteRoot, string userName, string password) =>
        SubmitAsync(new Uri(siteRoot, "admin/login"), "form", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
        });

    public void Dispose() => _http.Dispose();
}

/// <summary>A page as a user sees it: status, final address and the parsed document.</summary>
public sealed class Page(HttpResponseMessage response, IDocument document, string html)
{
    public HttpStatusCode Status => response.StatusCode;
    public Uri Url => response.RequestMessage!.RequestUri!;
    public IDocument Document { get; } = document;
    public string Html { get; } = html;
    public HttpResponseMessage Response => response;

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>Every error message shown: the summary, field errors and alert boxes.</summary>
    public IReadOnlyList<string> Errors => Document
        .QuerySelectorAll(".alert-error li, p.alert-error, .field-error")
        .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    public string? SuccessMessage => Document.QuerySelector(".alert-success")?.TextContent.Trim();

    public string? FieldError(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public async Task<Page> SubmitAsync(SiteClient client, string formSelector, IDictionary<string, string> fields,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var form = Document.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {Url}: {Html[..Math.Min(Html.Length, 400)]}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked && !fields.ContainsKey(box.Name!):
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "file" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !fields.ContainsKey(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !fields.ContainsKey(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name):
                    values.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            // "Roles" = "Editor,Reviewer" ticks several boxes of one name.
            if (form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.Type == "checkbox"))
                foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries)) values.Add(new(name, item));
            else
                values.Add(new(name, value));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? Url : new Uri(Url, form.GetAttribute("action"));
        HttpContent content;
        if (files is { Count: > 0 })
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            foreach (var (field, fileName, bytes) in files) multipart.Add(new ByteArrayContent(bytes), field, fileName);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(values);
        }
        var response = await client.Http.PostAsync(action, content);
        return await SiteClient.ReadAsync(await client.FollowAsync(response));
    }
}
