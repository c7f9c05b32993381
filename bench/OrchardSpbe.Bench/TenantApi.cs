using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace OrchardSpbe.Bench;

/// <summary>
/// Creates tenants the way automation does on a running host: sign in on the portal's admin, fetch
/// the antiforgery token from GET /api/antiforgery, then POST /api/tenants with it in X-CSRF-TOKEN.
/// </summary>
public sealed partial class TenantApi(SiteHttp http)
{
    /// <summary>Signs in as the site's administrator (or the given user); <paramref name="tenant"/> null is the portal. Auth cookies are per site.</summary>
    public async Task SignInAsync(string? tenant = null, string userName = BenchSettings.AdminUserName, string password = BenchSettings.AdminPassword)
    {
        // The sign-in form carries its own antiforgery field (and sets the matching cookie).
        var form = await http.Http.GetStringAsync(http.Url(tenant, "/admin/login"));
        var token = FormToken().Match(form) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery field on /admin/login");
        using var response = await http.Http.PostAsync(http.Url(tenant, "/admin/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {userName} on {tenant ?? "the portal"} answered {(int)response.StatusCode}");
    }

    /// <summary>Creates one PD site; returns how long the API took to create it and set it up (recipe, shell).</summary>
    public async Task<TimeSpan> CreateAsync(PdSite site)
    {
        // Fetched before each call and outside the timing: the token is per user, the creation is what is measured.
        var antiforgery = await http.Http.GetFromJsonAsync<AntiforgeryToken>(http.Url(null, "/api/antiforgery"))
                          ?? throw new InvalidOperationException("No antiforgery token");
        using var request = new HttpRequestMessage(HttpMethod.Post, http.Url(null, "/api/tenants"))
        {
            Content = JsonContent.Create(new
            {
                name = site.Name,
                displayName = site.DisplayName,
                category = site.Category,
                hosts = new[] { $"{site.Name}.bekasikota.go.id" },
                recipeName = "pd-site",
                adminUserName = BenchSettings.AdminUserName,
                adminEmail = $"admin@{site.Name}.bekasikota.go.id",
                adminPassword = BenchSettings.AdminPassword,
            }),
        };
        request.Headers.Add(antiforgery.HeaderName, antiforgery.Token);
        var clock = Stopwatch.StartNew();
        using var response = await http.Http.SendAsync(request);
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/tenants {site.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return clock.Elapsed;
    }

    private sealed record AntiforgeryToken(string Token, string HeaderName);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
