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

    [Fact]
    public async Task The_data_sharing_request_pages_pass_axe_at_375_and_1280_px()
    {
        var walidata = await DataDesk.OpenAsync(fixture.Site, "dinkes");
        var requester = await DataDesk.OpenAsync(fixture.Site, "bappeda");
        await walidata.PublishDatasetAsync("Kasus DBD per puskesmas untuk permintaan", "kasus-dbd-permintaan", classification: "terbatas");
        using var officer = await requester.SignInAsync("petugas");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var sent = await officer.SubmitAsync(requester.Url("/admin/permintaan-data"), "form.share-request-form", new Dictionary<string, string>
        {
            ["Walidata"] = walidata.Pd, ["Dataset"] = "kasus-dbd-permintaan", ["Purpose"] = "Perencanaan pengendalian DBD.",
            ["Start"] = today.ToString("yyyy-MM-dd"), ["End"] = today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.Contains("Permintaan dikirim", sent.SuccessMessage);
        var requestId = sent.Url.AbsolutePath.Split('/')[3];
        using var keeper = await walidata.SignInAsync("petugas");
        await DataDesk.WaitUntilAsync(async () => (await keeper.OpenAsync(walidata.Url($"/admin/permintaan-data/{requestId}"))).Document.QuerySelector("form.share-decision") is not null,
            "The request did not reach the walidata.");

        // Each side in its own browser: the requester's list and form and its request; the walidata's review with the decision form.
        var problems = new List<string>();
        var requesterPage = await SignedInPageAsync(requester.Url("/admin/login"), "petugas", DataDesk.Password);
        var walidataPage = await SignedInPageAsync(walidata.Url("/admin/login"), "petugas", DataDesk.Password);
        foreach (var width in new[] { 375, 1280 })
        {
            foreach (var (page, url) in new[]
                     {
                         (requesterPage, requester.Url("/admin/permintaan-data")), (requesterPage, requester.Url($"/admin/permintaan-data/{requestId}")),
                         (walidataPage, walidata.Url("/admin/permintaan-data")), (walidataPage, walidata.Url($"/admin/permintaan-data/{requestId}")),
                     })
            {
                await page.SetViewportSizeAsync(width, 900);
                await Accessibility.CheckAsync(page, url, problems);
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (overflow) problems.Add($"{url.PathAndQuery} ({width}px): the page scrolls sideways");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<Microsoft.Playwright.IPage> SignedInPageAsync(Uri login, string userName, string password)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(login.ToString());
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }
}
