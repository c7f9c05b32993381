using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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

        await CheckAsync(page, site.Url(null), problems);
        await CheckAsync(page, site.Url("aksesibel"), problems);
        await CheckAsync(page, site.Url("aksesibel", "/admin/login"), problems);
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await CheckAsync(page, site.Url("aksesibel", "/admin"), problems);
        await CheckAsync(page, site.Url("aksesibel", "/admin/users/create"), problems);
        await CheckAsync(page, site.Url("aksesibel", "/admin/settings"), problems);
        await CheckAsync(page, site.Url("aksesibel", "/admin/features"), problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, Uri url, List<string> problems)
    {
        await page.GotoAsync(url.ToString());
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        // axe must have looked at the page (rules passed), or "no violations" means nothing.
        if (result.Passes.Length == 0) problems.Add($"{url.PathAndQuery}: axe evaluated no rule");
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{url.PathAndQuery}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
    }
}
