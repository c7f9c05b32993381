namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// The open-data pages in Chromium at a phone's 375 px and a desktop's 1280 px: the portal catalogue, a PD's catalogue,
/// a dataset and a resource's preview (filtered and sorted); nothing scrolls sideways and axe-core finds no serious or
/// critical violation.
/// </summary>
public sealed class PagesBrowserTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_catalogue_dataset_and_preview_pages_pass_axe_at_375_and_1280_px()
    {
        var desk = await DataDesk.OpenAsync(fixture.Site);
        var id = await desk.PublishDatasetAsync("Kasus demam berdarah dengue per kecamatan dan bulan tahun 2025", "kasus-dbd-halaman");
        Assert.Empty((await desk.AddResourceAsync(desk.PdAdmin, id, "Kasus DBD 2025", "kasus.csv", DataDesk.DbdCsv())).Errors);
        var resourceId = await desk.ResourceIdAsync(id, "Kasus DBD 2025");
        using var visitor = fixture.Site.NewVisitor();
        await DataDesk.WaitUntilAsync(async () => (await visitor.OpenAsync(desk.PortalUrl("/data"))).Html.Contains("kasus-dbd-halaman"), "the portal never listed the dataset");

        var problems = new List<string>();
        var page = await chromium.NewPageAsync();
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var url in new[]
                     {
                         desk.PortalUrl("/data"), desk.PortalUrl("/data?format=CSV&kelompok=kesehatan"), desk.Url("/data"),
                         desk.Url("/data/kasus-dbd-halaman"), desk.Url($"/data/kasus-dbd-halaman/sumber/{resourceId}"),
                         desk.Url($"/data/kasus-dbd-halaman/sumber/{resourceId}?kolom=kecamatan&nilai=Kecamatan%2003&urut=kasus&arah=turun&page=1"),
                     })
            {
                await Accessibility.CheckAsync(page, url, problems);
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (overflow) problems.Add($"{url.PathAndQuery} ({width}px): the page scrolls sideways");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
