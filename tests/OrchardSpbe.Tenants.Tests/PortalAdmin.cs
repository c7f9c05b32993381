using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>A Diskominfostandi administrator signed in to the city portal, calling the tenants API as a script would.</summary>
public sealed class PortalAdmin : IDisposable
{
    private readonly TestSite _site;
    private readonly SiteClient _client;
    private string? _token;

    private PortalAdmin(TestSite site, SiteClient client)
    {
        _site = site;
        _client = client;
    }

    public static async Task<PortalAdmin> SignInAsync(TestSite site)
    {
        var client = site.NewVisitor();
        var page = await client.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        if (!page.Heading.StartsWith("Dasbor")) throw new InvalidOperationException("Portal sign-in failed: " + page.Heading);
        return new PortalAdmin(site, client);
    }

    public SiteClient Client => _client;

    /// <summary>The same administrator signing in to the portal's admin in Chromium.</summary>
    public static async Task SignInInBrowserAsync(Microsoft.Playwright.IPage page, TestSite site)
    {
        await page.GotoAsync(site.Url(null, "/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Dasbor");
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(method, _site.Url(null, path));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (withToken) request.Headers.Add("X-CSRF-TOKEN", await TokenAsync());
        return await _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> CreateAsync(object tenant) => SendAsync(HttpMethod.Post, "/api/tenants", tenant);

    public static object NewTenant(string name, string? host = null, string password = TestEnvironment.AdminPassword, string recipe = "pd-site") => new
    {
        name,
        displayName = "Dinas " + name,
        category = "Dinas",
        hosts = new[] { host ?? $"{name}.bekasikota.go.id" },
        recipeName = recipe,
        adminUserName = "admin",
        adminEmail = $"admin@{name}.bekasikota.go.id",
        adminPassword = password,
    };

    /// <summary>The field errors of a 400 validation problem.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private async Task<string> TokenAsync()
    {
        if (_token is not null) return _token;
        var response = await _client.GetAsync(_site.Url(null, "/api/antiforgery"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return _token = json.RootElement.GetProperty("token").GetString()!;
    }

    public void Dispose() => _client.Dispose();
}
