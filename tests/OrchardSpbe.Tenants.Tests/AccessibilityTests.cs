using Microsoft.Playwright;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>The pages people meet first pass axe-core in Chromium with no serious or critical violation (WCAG 2.1 AA).</summary>
public sealed class AccessibilityTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_portal_a_pd_site_and_the_admin_have_no_serious_accessibility_violations()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("aksesibel", "Dinas Aksesibilitas");
        var page = await chromium.NewPageAsync();
        var problems = new List<string>();

        await Accessibility.CheckAsync(page, site.Url(null), problems);
        await Accessibility.CheckAsync(page, site.Url("aksesibel"), problems);
        await Accessibility.CheckAsync(page, site.Url("aksesibel", "/admin/login"), problems);
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Accessibility.CheckAsync(page, site.Url("aksesibel", "/admin"), problems);
        await Accessibility.CheckAsync(page, site.Url("aksesibel", "/admin/users/create"), problems);
        await Accessibility.CheckAsync(page, site.Url("aksesibel", "/admin/settings"), problems);
        await Accessibility.CheckAsync(page, site.Url("aksesibel", "/admin/features"), problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

}
