using System.Net;

namespace OrchardSpbe.Users.Tests;

/// <summary>
/// Issue 16 §8: "Keluar" says so on the page it lands on; the user list offers no "Hapus" on the signed-in
/// administrator's own row; every page has a favicon.
/// </summary>
public sealed class SignOutAndUserListTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Signing_out_is_confirmed_and_the_own_row_has_no_delete_button()
    {
        await Site.CreateTenantAsync("keluar");
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url("keluar"), "admin", TestEnvironment.AdminPassword);
        await admin.SubmitAsync(Site.Url("keluar", "/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = "staf", ["Email"] = "staf@dinas.go.id", ["DisplayName"] = "Staf Dinas",
            ["Password"] = "Staf-Dinas-Kuat-2026", ["ConfirmPassword"] = "Staf-Dinas-Kuat-2026",
        });

        var users = await admin.OpenAsync(Site.Url("keluar", "/admin/users"));
        var rows = users.Document.QuerySelectorAll("table.user-list tbody tr").ToList();
        var own = rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == "admin");
        Assert.Null(own.QuerySelector("form button"));
        Assert.Contains("akun Anda", own.TextContent);
        Assert.NotNull(rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == "staf").QuerySelector("form button.danger"));

        var dashboard = await admin.OpenAsync(Site.Url("keluar", "/admin"));
        var signedOut = await dashboard.SubmitAsync(admin, "form[action$='/admin/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.EndsWith("/admin/login", signedOut.Url.AbsolutePath);
        Assert.Equal("Anda telah keluar. Sampai jumpa.", signedOut.SuccessMessage);
    }

    [Fact]
    public async Task Every_page_links_a_favicon_that_is_served()
    {
        await Site.CreateTenantAsync("ikon");
        using var visitor = Site.NewVisitor();
        foreach (var path in new[] { "/", "/admin/login" })
        {
            var page = await visitor.OpenAsync(Site.Url("ikon", path));
            var href = page.Document.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
            var icon = await visitor.GetAsync(new Uri(page.Url, href));
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        }
        // Browsers that ask for /favicon.ico without reading the page are sent to the same icon.
        var legacy = await visitor.FollowAsync(await visitor.GetAsync(Site.Url("ikon", "/favicon.ico")));
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("image/svg+xml", legacy.Content.Headers.ContentType?.MediaType);
    }
}
