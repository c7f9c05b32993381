namespace OrchardSpbe.Search.Tests;

/// <summary>The search pages pass axe-core in Chromium: no serious or critical WCAG 2.1 AA violation.</summary>
public sealed class SearchAccessibilityTests(SqliteSearchSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSearchSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Search_pages_have_no_serious_violations()
    {
        var site = fixture.Site;
        var desk = await NewsDesk.OpenAsync(site, "akscari");
        await desk.WriteNewsAsync("Pelayanan Kesehatan Keliling", "<p>Mobil pelayanan kesehatan keliling hadir di kelurahan.</p>", publish: true);
        var page = await chromium.NewPageAsync();
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.CheckAsync(page, site.Url(null, "/search?q=pelayanan"), problems);
            await Accessibility.CheckAsync(page, site.Url(null, "/search?q=tidakadaapapun"), problems);
            await Accessibility.CheckAsync(page, site.Url(null, "/search"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/search?q=kesehatn"), problems);
        }
        await page.GotoAsync(desk.Url("/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.SetViewportSizeAsync(1280, 900);
        await Accessibility.CheckAsync(page, desk.Url("/admin/search"), problems);
        await Accessibility.CheckAsync(page, desk.Url("/admin/search/analysis?text=" + Uri.EscapeDataString("Pemerintahan Kota Bekasi dan perencanaan")), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
