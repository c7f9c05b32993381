
namespace OrchardSpbe.Contents.Tests;

/// <summary>The public content pages and the editor pass axe-core in Chromium: no serious or critical WCAG 2.1 AA violation.</summary>
public sealed class ContentAccessibilityTests(SqliteContentSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteContentSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Portal_home_pd_home_news_pages_and_the_editor_have_no_serious_violations()
    {
        var site = fixture.Site;
        var desk = await NewsDesk.OpenAsync(site, "aks");
        await desk.WriteNewsAsync("Pelayanan Prima untuk Warga", "<p>Isi berita <strong>penting</strong>.</p><ul><li>Satu</li></ul>", publish: true,
            path: "berita/pelayanan-prima", files: [("MediaPart.Upload", "foto.png", NewsDesk.Png)], altText: "Petugas melayani warga");
        var page = await chromium.NewPageAsync();
        var problems = new List<string>();

        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.CheckAsync(page, site.Url(null), problems);
            await Accessibility.CheckAsync(page, desk.Url("/"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/berita"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/berita/pelayanan-prima"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/agenda"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/profil"), problems);
        }
        await page.GotoAsync(desk.Url("/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.SetViewportSizeAsync(1280, 900);
        await Accessibility.CheckAsync(page, desk.Url("/admin/contents"), problems);
        await Accessibility.CheckAsync(page, desk.Url("/admin/contents/create/Article"), problems);
        await Accessibility.CheckAsync(page, desk.Url("/admin/contents/create/Event"), problems);
        await Accessibility.CheckAsync(page, desk.Url("/admin/content-types"), problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

}
