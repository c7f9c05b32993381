using System.Net;

namespace OrchardSpbe.Host.Tests;

/// <summary>PD sites are walled off from each other: accounts, cookies and admin pages stay on their own site.</summary>
public abstract class IsolationTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_account_of_pd_a_cannot_sign_in_to_pd_b()
    {
        var (a, b) = await TwoPdsAsync();
        using var adminOfA = Site.NewVisitor();
        await adminOfA.SignInAsync(Site.Url(a), "admin", TestEnvironment.AdminPassword);
        await adminOfA.SubmitAsync(Site.Url(a, "/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = "kepala-a", ["Email"] = "kepala@a.go.id", ["Password"] = "Kepala-Kuat-2026", ["ConfirmPassword"] = "Kepala-Kuat-2026", ["Roles"] = "Administrator",
        });

        using var someone = Site.NewVisitor();
        Assert.StartsWith("Dasbor", (await someone.SignInAsync(Site.Url(a), "kepala-a", "Kepala-Kuat-2026")).Heading);
        using var stranger = Site.NewVisitor();
        var onB = await stranger.SignInAsync(Site.Url(b), "kepala-a", "Kepala-Kuat-2026");
        Assert.Contains("Nama pengguna atau kata sandi salah.", onB.Errors);
    }

    [Fact]
    public async Task A_sign_in_on_pd_a_opens_no_admin_page_of_pd_b_even_with_its_cookie_copied_over()
    {
        var (a, b) = await TwoPdsAsync();
        using var adminOfA = Site.NewVisitor();
        Assert.StartsWith("Dasbor", (await adminOfA.SignInAsync(Site.Url(a), "admin", TestEnvironment.AdminPassword)).Heading);

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/settings", "/admin/features", "/admin/audit" })
        {
            var response = await adminOfA.GetAsync(Site.Url(b, path));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"http://{b}.localhost:{Site.Port}/admin/login", response.Headers.Location!.ToString());
        }

        // The attacker copies A's authentication cookie onto B, under B's cookie name.
        var cookieOfA = adminOfA.Cookies.GetCookies(Site.Url(a)).Single(c => c.Name == ".spbe.auth." + a);
        using var forger = Site.NewVisitor();
        forger.Cookies.Add(Site.Url(b), new Cookie(".spbe.auth." + b, cookieOfA.Value));
        forger.Cookies.Add(Site.Url(b), new Cookie(".spbe.auth." + a, cookieOfA.Value));
        Assert.Equal(HttpStatusCode.Redirect, (await forger.GetAsync(Site.Url(b, "/admin"))).StatusCode);

        // And sends it to B's address with A's Host header: that is simply site A, not B.
        var request = new HttpRequestMessage(HttpMethod.Get, Site.Url(b, "/admin/users"));
        request.Headers.Host = $"{b}.localhost:{Site.Port}";
        request.Headers.Add("Cookie", $".spbe.auth.{b}={cookieOfA.Value}");
        using var raw = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await raw.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_pd_administrator_cannot_reach_the_portals_tenant_management()
    {
        var (a, _) = await TwoPdsAsync();
        using var adminOfA = Site.NewVisitor();
        await adminOfA.SignInAsync(Site.Url(a), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await adminOfA.GetAsync(Site.Url(a, "/admin/tenants"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await adminOfA.GetAsync(Site.Url(null, "/admin/tenants"))).StatusCode);
        Assert.Contains("Nama pengguna atau kata sandi salah.",
            (await adminOfA.SignInAsync(Site.Url(null), "admin", "Bukan-Sandi-Portal-1")).Errors);
    }

    private async Task<(string A, string B)> TwoPdsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await Site.CreateTenantAsync("pda" + suffix);
        await Site.CreateTenantAsync("pdb" + suffix);
        return ("pda" + suffix, "pdb" + suffix);
    }
}

public sealed class IsolationOnSqlite(SqliteSite fixture) : IsolationTests(fixture), IClassFixture<SqliteSite>;

public sealed class IsolationOnPostgres(PostgresSite fixture) : IsolationTests(fixture), IClassFixture<PostgresSite>;
