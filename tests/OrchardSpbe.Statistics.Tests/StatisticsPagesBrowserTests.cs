using Microsoft.Playwright;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// The public statistics pages in Chromium, at a phone's 375 px and a desktop's 1280 px: the chart is drawn from
/// the table beside it, nothing scrolls sideways, and axe-core finds no serious or critical violation.
/// </summary>
public sealed class StatisticsPagesBrowserTests(SampleCity city, ChromiumFixture chromium) : IClassFixture<SampleCity>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_statistics_pages_draw_their_charts_and_pass_axe_at_375_and_1280_px()
    {
        var problems = new List<string>();
        var page = await chromium.NewPageAsync();
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { "/statistik", "/statistik?q=penduduk", "/statistik?kelompok=kesehatan", "/statistik/dinkes/DBD-KASUS", "/statistik/disdukcapil/PENDUDUK?disagregasi=Perempuan" })
            {
                await Accessibility.CheckAsync(page, city.Site.Url(null, path), problems);
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (overflow) problems.Add($"{path} ({width}px): the page scrolls sideways");
            }
            await page.GotoAsync(city.Site.Url("dinkes", "/statistik/DBD-KASUS").ToString());
            await page.WaitForSelectorAsync(".stat-chart-canvas svg path", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal("img", await page.GetAttributeAsync(".stat-chart", "role"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
