using System.Net;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Host.Tests;

/// <summary>Visitors reach the portal and PD sites by host name; nothing else answers. Runs on SQLite and PostgreSQL.</summary>
public abstract class TenancyTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_visitor_reaches_the_portal_and_a_pd_site_by_its_host_name_with_or_without_www()
    {
        var name = "dinkes" + Suffix();
        await Site.CreateTenantAsync(name, "Dinas Kesehatan " + name);
        using var visitor = Site.NewVisitor();

        var portal = await visitor.OpenAsync(Site.Url(null));
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Equal("Pemerintah Kota Bekasi", portal.Heading);
        var link = portal.Document.QuerySelector($"a[data-tenant='{name}']");
        Assert.NotNull(link);
        Assert.Equal(Site.Url(name).ToString(), link!.GetAttribute("href"));

        var pd = await visitor.OpenAsync(Site.Url(name));
        Assert.Equal(HttpStatusCode.OK, pd.Status);
        Assert.Equal("Dinas Kesehatan " + name, pd.Heading);

        var www = await visitor.OpenAsync(Site.Url("www." + name));
        Assert.Equal(HttpStatusCode.OK, www.Status);
        Assert.Equal("Dinas Kesehatan " + name, www.Heading);
    }

    [Theory]
    [InlineData("tidakada")]
    [InlineData("www.tidakada")]
    [InlineData("bekasikota.go.id.evil")]
    public async Task An_unknown_host_gets_a_plain_404_and_never_the_city_portal(string label)
    {
        using var visitor = Site.NewVisitor();
        var response = await visitor.GetAsync(Site.Url(label));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Pemerintah Kota Bekasi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forged_host_header_reaches_no_tenant()
    {
        using var visitor = Site.NewVisitor();
        foreach (var host in new[] { "evil.example", "localhost.evil.example", "bekasikota.go.id.evil.example", "127.0.0.1", "*.localhost", "-.localhost" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{Site.Port}/admin/login"));
            request.Headers.TryAddWithoutValidation("Host", host);
            using var response = await visitor.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{host} → {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_disabled_pd_site_answers_503_with_a_short_page_and_serves_again_once_enabled()
    {
        var name = "dishub" + Suffix();
        await Site.CreateTenantAsync(name, "Dinas Perhubungan");
        var manager = Site.Services.GetService(typeof(TenantManager)) as TenantManager;
        using var visitor = Site.NewVisitor();

        Assert.True((await manager!.DisableAsync(name)).Succeeded);
        var disabled = await visitor.GetAsync(Site.Url(name));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, disabled.StatusCode);
        Assert.Contains("sedang tidak tersedia", await disabled.Content.ReadAsStringAsync());
        var portal = await visitor.OpenAsync(Site.Url(null));
        Assert.Null(portal.Document.QuerySelector($"a[data-tenant='{name}']"));

        Assert.True((await manager.EnableAsync(name)).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url(name))).StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var visitor = Site.NewVisitor();
        var ready = await visitor.GetAsync(new Uri($"http://127.0.0.1:{Site.Port}/health"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // The standard health-check JSON, one entry per dependency.
        var health = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var dependency in new[] { "database", "disk", "smtp" })
            Assert.Equal("Healthy", health.GetProperty("entries").GetProperty(dependency).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri($"http://127.0.0.1:{Site.Port}/health/live"))).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var visitor = Site.NewVisitor();
        var response = await visitor.GetAsync(Site.Url(null));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_tenant_with_only_a_url_prefix_is_served_under_the_portals_host_with_its_own_admin()
    {
        var prefix = "pfx" + Suffix();
        var result = await Manager.CreateAsync(new CreateTenantRequest
        {
            Name = prefix, DisplayName = "Kelurahan Margajaya", UrlPrefix = prefix, AdminUserName = "admin",
            AdminEmail = $"admin@{prefix}.bekasikota.go.id", AdminPassword = TestEnvironment.AdminPassword,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        using var visitor = Site.NewVisitor();

        var home = await visitor.OpenAsync(Site.Url(null, $"/{prefix}/"));
        Assert.Equal("Kelurahan Margajaya", home.Heading);
        Assert.Equal($"/{prefix}/themes/OrchardSpbe.Themes.Site/site.css", home.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal("Pemerintah Kota Bekasi", (await visitor.OpenAsync(Site.Url(null))).Heading);

        var dashboard = await visitor.SignInAsync(Site.Url(null, $"/{prefix}/"), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", dashboard.Heading);
        Assert.Equal($"/{prefix}/admin", dashboard.Url.AbsolutePath);
        // Signed in under the prefix, not on the portal itself.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(Site.Url(null, "/admin"))).StatusCode);
        // And unknown hosts still do not reach it.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url("tidakada", $"/{prefix}/"))).StatusCode);
    }

    [Fact]
    public async Task A_wildcard_host_serves_every_subdomain_beneath_it_while_exact_hosts_win()
    {
        var name = "wild" + Suffix();
        var result = await Manager.CreateAsync(new CreateTenantRequest
        {
            Name = name, DisplayName = "Kelurahan (semua)", Hosts = [$"*.{name}.bekasikota.go.id"], AdminUserName = "admin",
            AdminEmail = $"admin@{name}.bekasikota.go.id", AdminPassword = TestEnvironment.AdminPassword,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var exact = "exact" + Suffix();
        await Manager.CreateAsync(new CreateTenantRequest
        {
            Name = exact, DisplayName = "Kelurahan Khusus", Hosts = [$"khusus.{name}.bekasikota.go.id"], AdminUserName = "admin",
            AdminEmail = $"admin@{exact}.bekasikota.go.id", AdminPassword = TestEnvironment.AdminPassword,
        });
        using var visitor = Site.NewVisitor();
        Assert.Equal("Kelurahan (semua)", (await visitor.OpenAsync(Site.Url($"kel-a.{name}"))).Heading);
        Assert.Equal("Kelurahan (semua)", (await visitor.OpenAsync(Site.Url($"kel-b.{name}"))).Heading);
        Assert.Equal("Kelurahan Khusus", (await visitor.OpenAsync(Site.Url($"khusus.{name}"))).Heading);
    }

    [Fact]
    public async Task Changing_a_tenants_host_name_moves_the_site_at_once()
    {
        var name = "move" + Suffix();
        await Site.CreateTenantAsync(name, "Dinas Lama");
        var result = await Manager.UpdateAsync(name, new UpdateTenantRequest { DisplayName = "Dinas Baru", Category = "Dinas", Hosts = [$"baru-{name}.bekasikota.go.id"] });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(name))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url("baru-" + name))).StatusCode);
        var portal = await visitor.OpenAsync(Site.Url(null));
        Assert.Equal("Dinas Baru", portal.Document.QuerySelector($"a[data-tenant='{name}']")!.TextContent);
    }

    [Fact]
    public async Task Cached_public_pages_change_as_soon_as_the_site_or_the_list_of_sites_changes()
    {
        using var visitor = Site.NewVisitor();
        var name = "cache" + Suffix();
        var before = await visitor.OpenAsync(Site.Url(null));
        Assert.Null(before.Document.QuerySelector($"a[data-tenant='{name}']"));

        await Site.CreateTenantAsync(name, "Dinas Sebelum");
        Assert.Equal("Dinas Sebelum", (await visitor.OpenAsync(Site.Url(null))).Document.QuerySelector($"a[data-tenant='{name}']")?.TextContent);
        Assert.Equal("Dinas Sebelum", (await visitor.OpenAsync(Site.Url(name))).Heading);

        await Manager.UpdateAsync(name, new UpdateTenantRequest { DisplayName = "Dinas Sesudah", Hosts = [$"{name}.bekasikota.go.id"] });
        Assert.Equal("Dinas Sesudah", (await visitor.OpenAsync(Site.Url(null))).Document.QuerySelector($"a[data-tenant='{name}']")?.TextContent);

        await Manager.DisableAsync(name);
        Assert.Null((await visitor.OpenAsync(Site.Url(null))).Document.QuerySelector($"a[data-tenant='{name}']"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.GetAsync(Site.Url(name))).StatusCode);

        // The English page is cached apart from the Indonesian one.
        await Manager.EnableAsync(name);
        var english = await visitor.OpenAsync(Site.Url(null, "/culture/en?returnUrl=%2F"));
        Assert.Equal("Directory of government unit sites", english.Document.QuerySelector("#directory-heading")!.TextContent);
        using var other = Site.NewVisitor();
        Assert.Equal("Direktori situs perangkat daerah", (await other.OpenAsync(Site.Url(null))).Document.QuerySelector("#directory-heading")!.TextContent);
    }

    private TenantManager Manager => (TenantManager)Site.Services.GetService(typeof(TenantManager))!;

    internal static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class TenancyOnSqlite(SqliteSite fixture) : TenancyTests(fixture), IClassFixture<SqliteSite>;

public sealed class TenancyOnPostgres(PostgresSite fixture) : TenancyTests(fixture), IClassFixture<PostgresSite>;
