using Microsoft.Playwright;

namespace OrchardSpbe.Applications.Tests;

/// <summary>A fresh first run with the sample PD sites and their sample applications (labelled "data contoh"), on SQLite.</summary>
public sealed class SampleCity() : SiteFixture(DatabaseProviderName.Sqlite)
{
    protected override TestSiteOptions Options => new() { SampleTenants = true };
}

/// <summary>
/// The catalogue, the application editor, the review page and the governance chart in Chromium at a phone's 375 px and
/// a desktop's 1280 px: nothing scrolls sideways and axe-core finds no serious or critical violation.
/// </summary>
public sealed class ApplicationPagesBrowserTests(SampleCity city, ChromiumFixture chromium) : IClassFixture<SampleCity>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_catalogue_the_editor_the_review_page_and_the_governance_chart_pass_axe_at_375_and_1280_px()
    {
        var site = city.Site;
        // The sample applications are in the catalogue, labelled as sample data, and call each other.
        using var visitor = site.NewVisitor();
        var catalogue = await visitor.OpenAsync(site.Url(null, "/aplikasi"));
        var hits = catalogue.Document.QuerySelectorAll(".app-hit");
        Assert.Equal(4, hits.Length);
        Assert.All(hits, h => Assert.Contains("data contoh", h.TextContent));
        var number = hits.First(h => h.GetAttribute("data-pd") == "dinkes").GetAttribute("data-number")!;

        // Something waiting for review: Dinkes's administrator submits a new application.
        using var dinkes = site.NewVisitor();
        await dinkes.SignInAsync(site.Url("dinkes"), "admin", TestEnvironment.AdminPassword);
        var created = await dinkes.SubmitAsync(site.Url("dinkes", "/admin/aplikasi/baru"), "form.application-editor",
            new Dictionary<string, string> { ["Name"] = "Aplikasi Antrean", ["Description"] = "Antrean puskesmas.", ["AppClass"] = "umum-kecil", ["Builder"] = "dinas",
                ["Lifecycle"] = "uji-coba", ["Url"] = "https://antrean.bekasikota.go.id", ["Hosting"] = "pusat-data-kota", ["Stack"] = "Go", ["Licence"] = "Apache-2.0" });
        Assert.Empty(created.Errors);
        var id = created.Url.AbsolutePath.Split('/')[3];
        Assert.Empty((await dinkes.SubmitAsync(created.Url, "form.document-upload", new Dictionary<string, string> { ["kind"] = "bukti-uji" }, [("file", "uji.pdf", ApplicationsDesk.Pdf("uji"))])).Errors);
        Assert.Empty((await dinkes.SubmitAsync(created.Url, "form.submit-form", new Dictionary<string, string>())).Errors);
        using var portal = site.NewVisitor();
        await portal.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        await ApplicationsDesk.WaitUntilAsync(async () => (await portal.GetAsync(site.Url(null, $"/admin/aplikasi/register/dinkes/aplikasi/{id}"))).IsSuccessStatusCode,
            "The submission never reached the portal.");
        // A governance assessment to chart.
        var assessment = await portal.OpenAsync(site.Url(null, "/admin/aplikasi/tata-kelola/dinkes/contoh-dinkes"));
        var scores = new Dictionary<string, string>();
        foreach (var input in assessment.Document.QuerySelectorAll("input[type=number]")) scores[input.GetAttribute("name")!] = "3";
        Assert.Empty((await assessment.SubmitAsync(portal, "form.assessment-form", scores)).Errors);

        var problems = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await chromium.NewPageAsync();
            // Generous on a shared, busy machine: a slow answer is not what this test is about.
            page.SetDefaultTimeout(60_000);
            page.SetDefaultNavigationTimeout(60_000);
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { "/aplikasi", "/aplikasi?kelas=umum-besar", "/aplikasi/" + number })
                await CheckAsync(page, site.Url(null, path), problems);
            await SignInAsync(page, site.Url("dinkes"));
            foreach (var path in new[] { "/admin/aplikasi", "/admin/aplikasi/baru", $"/admin/aplikasi/{id}", "/admin/aplikasi/perangkat/baru", "/admin/aplikasi/laporan", "/admin/aplikasi/mandiri-tik" })
                await CheckAsync(page, site.Url("dinkes", path), problems);
            await SignInAsync(page, site.Url(null));
            foreach (var path in new[] { $"/admin/aplikasi/register/dinkes/aplikasi/{id}", "/admin/aplikasi/register", "/admin/aplikasi/kepatuhan", "/admin/aplikasi/tata-kelola", "/admin/aplikasi/integrasi" })
                await CheckAsync(page, site.Url(null, path), problems);
            await page.GotoAsync(site.Url(null, "/admin/aplikasi/tata-kelola/dinkes/contoh-dinkes").ToString());
            await page.WaitForSelectorAsync(".stat-chart-canvas svg path", new PageWaitForSelectorOptions { Timeout = 30_000, State = WaitForSelectorState.Attached });
            await CheckAsync(page, site.Url(null, "/admin/aplikasi/tata-kelola/dinkes/contoh-dinkes"), problems);
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, Uri url, List<string> problems)
    {
        var response = await page.GotoAsync(url.ToString());
        if (response?.Status != 200) problems.Add($"{url.PathAndQuery}: HTTP {response?.Status}");
        await Accessibility.CheckAsync(page, $"{url.Host}{url.PathAndQuery} ({page.ViewportSize?.Width}px)", problems);
        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))
            problems.Add($"{url.PathAndQuery} ({page.ViewportSize?.Width}px): the page scrolls sideways");
    }

    private static async Task SignInAsync(IPage page, Uri root)
    {
        await page.GotoAsync(new Uri(root, "/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/admin/login"));
    }
}
