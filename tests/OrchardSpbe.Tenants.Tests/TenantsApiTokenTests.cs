using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>
/// Diskominfostandi's deployment script manages PD sites with a portal administrator's API token, created in the
/// portal's admin: no cookie and no antiforgery token. Once revoked the token gets 401; a PD site's token never works on
/// the portal; a user without the permission gets 403; the portal's cookie still needs the antiforgery token.
/// </summary>
public sealed class TenantsApiTokenTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;
    private Uri PortalTokenPage => Site.Url(null, "/admin/token");

    [Fact]
    public async Task A_portal_administrators_token_creates_a_tenant_without_cookie_or_antiforgery_until_it_is_revoked()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var token = await ApiTokens.CreateAsync(admin.Client, PortalTokenPage, "skrip-deploy");

        using var script = Site.NewVisitor();
        var name = "token" + Suffix();
        var created = await script.SendAsync(ApiTokens.Request(HttpMethod.Post, Site.Url(null, "/api/tenants"), token, JsonContent.Create(PortalAdmin.NewTenant(name))));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Empty(script.Cookies.GetCookies(Site.Url(null)));
        using var visitor = Site.NewVisitor();
        Assert.Equal("Dinas " + name, (await visitor.OpenAsync(Site.Url(name))).Heading);
        var shown = await script.SendAsync(ApiTokens.Request(HttpMethod.Get, Site.Url(null, $"/api/tenants/{name}"), token));
        Assert.Equal(name, (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        // The administrator's list shows the token as used; revoked, it opens nothing and says why.
        var list = await admin.Client.OpenAsync(PortalTokenPage);
        var row = list.Document.QuerySelectorAll("tr[data-token]").Single(r => r.Children[0].TextContent.Trim() == "skrip-deploy");
        Assert.NotEqual("–", row.Children[2].TextContent.Trim());
        await ApiTokens.RevokeAsync(admin.Client, PortalTokenPage, "skrip-deploy");
        var refused = await script.SendAsync(ApiTokens.Request(HttpMethod.Post, Site.Url(null, $"/api/tenants/{name}/disable"), token));
        await AssertRefusedTokenAsync(refused);
        Assert.Equal(OrchardSpbe.Tenants.TenantState.Running, Site.Registry.Find(name)!.State);
    }

    [Fact]
    public async Task A_pd_sites_token_is_refused_on_the_portal()
    {
        var pd = "tokenpd" + Suffix();
        await Site.CreateTenantAsync(pd);
        using var pdAdmin = Site.NewVisitor();
        await pdAdmin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var token = await ApiTokens.CreateAsync(pdAdmin, Site.Url(pd, "/admin/token"), "salah-situs");

        using var script = Site.NewVisitor();
        var name = "asing" + Suffix();
        await AssertRefusedTokenAsync(await script.SendAsync(
            ApiTokens.Request(HttpMethod.Post, Site.Url(null, "/api/tenants"), token, JsonContent.Create(PortalAdmin.NewTenant(name)))));
        Assert.Null(Site.Registry.Find(name));
        // The same in CKAN's header, or bare in Authorization.
        foreach (var (header, value) in new[] { ("X-CKAN-API-Key", token), ("Authorization", token) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Site.Url(null, "/api/tenants"));
            request.Headers.TryAddWithoutValidation(header, value);
            await AssertRefusedTokenAsync(await script.SendAsync(request));
        }
    }

    [Fact]
    public async Task A_token_needs_the_permission_and_the_cookie_still_needs_the_antiforgery_token()
    {
        using var admin = await PortalAdmin.SignInAsync(Site);
        var verifier = "verifikator" + Suffix();
        const string password = "Verifikator-Kuat-2026";
        var added = await admin.Client.SubmitAsync(Site.Url(null, "/admin/recipes"), "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "verifikator", "steps": [ { "name": "users", "users": [ { "userName": "{{verifier}}", "email": "{{verifier}}@bekasikota.go.id", "password": "{{password}}", "roles": ["Verifier"] } ] } ] }""",
        });
        Assert.Empty(added.Errors);
        using var colleague = Site.NewVisitor();
        await colleague.SignInAsync(Site.Url(null), verifier, password);
        var token = await ApiTokens.CreateAsync(colleague, PortalTokenPage, "bukan-pengelola");

        using var script = Site.NewVisitor();
        var name = "izin" + Suffix();
        var forbidden = await script.SendAsync(ApiTokens.Request(HttpMethod.Post, Site.Url(null, "/api/tenants"), token, JsonContent.Create(PortalAdmin.NewTenant(name))));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Akses ditolak", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Null(Site.Registry.Find(name));

        // The administrator's browser: its cookie alone, without the antiforgery token, changes nothing.
        var forged = await admin.SendAsync(HttpMethod.Post, "/api/tenants", PortalAdmin.NewTenant(name), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(Site.Registry.Find(name));
    }

    /// <summary>401, a bearer challenge, and a JSON problem saying the token was refused — not a 403, a redirect or a 500.</summary>
    private static async Task AssertRefusedTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Token API ditolak.", problem.GetProperty("title").GetString());
        Assert.Contains("kedaluwarsa atau dicabut", problem.GetProperty("detail").GetString());
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}
