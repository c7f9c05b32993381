using Microsoft.Playwright;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// The applicant's form (filled and sent in Chromium, files attached), the status page, the selection board and an
/// application, and the public team page, at 375 and 1280 px: nothing scrolls sideways and axe-core finds no serious
/// or critical violation.
/// </summary>
public sealed class ProgrammerPagesBrowserTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_form_the_board_and_the_team_page_pass_axe_at_375_and_1280_px()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        var problems = new List<string>();
        var page = await chromium.NewPageAsync();

        // The applicant fills the form in the browser, with an error first (too little experience), then right.
        await page.SetViewportSizeAsync(375, 900);
        await page.GotoAsync(desk.Portal("/tim-programmer/daftar").ToString());
        await page.SelectOptionAsync("#RoleCode", "fullstack-programmer");
        await page.FillAsync("#FullName", "Fajar Peramban " + desk.Suffix);
        await page.FillAsync("#Nik", ProgrammerDesk.NewNik());
        await page.FillAsync("#Email", "fajar@example.id");
        await page.FillAsync("#Phone", "081234567890");
        await page.FillAsync("#Address", "Jl. Cut Meutia 5, Bekasi Timur");
        await page.SelectOptionAsync("#HomePd", desk.HomePd);
        await page.FillAsync("#CurrentUnit", "Bidang Aplikasi");
        await page.FillAsync("#YearsExperience", "1");
        await page.CheckAsync("#NonAsn");
        foreach (var kind in new[] { "cv", "pengalaman", "kemampuan", "sertifikat" })
            await page.SetInputFilesAsync($"#file-{kind}", new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = ProgrammerDesk.Pdf });
        await page.ClickAsync("form.apply-form button[type=submit]");
        await page.WaitForSelectorAsync(".alert-error");
        await Accessibility.CheckAsync(page, "/tim-programmer/daftar with errors (375px)", problems);
        Assert.Equal("Fajar Peramban " + desk.Suffix, await page.InputValueAsync("#FullName"));
        await page.FillAsync("#YearsExperience", "5");
        foreach (var kind in new[] { "cv", "pengalaman", "kemampuan", "sertifikat" })
            await page.SetInputFilesAsync($"#file-{kind}", new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = ProgrammerDesk.Pdf });
        await page.ClickAsync("form.apply-form button[type=submit]");
        await page.WaitForSelectorAsync(".application-state");
        var status = page.Url;

        await page.GotoAsync(desk.Portal("/admin/login").ToString());
        await page.FillAsync("#UserName", desk.SelectionUser);
        await page.FillAsync("#Password", ProgrammerDesk.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login"));
        using var team = await desk.SelectionTeamAsync();
        var id = await desk.ApplicationIdAsync(team, "Fajar Peramban");

        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var url in new[]
                     {
                         desk.Portal("/tim-programmer/daftar"), new Uri(status), desk.Portal("/tim-programmer"),
                         desk.Portal("/admin/tim-programmer/seleksi"), desk.Portal($"/admin/tim-programmer/seleksi/{id}"), desk.Portal("/admin/tim-programmer/referensi?domain=B"),
                     })
            {
                await Accessibility.CheckAsync(page, url, problems);
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (overflow) problems.Add($"{url.PathAndQuery} ({width}px): the page scrolls sideways");
            }
        }

        // The Ketua's pages: members, meetings, cases, evaluations and the competency gap with its chart drawn from the table.
        var chairPage = await chromium.NewPageAsync();
        await chairPage.GotoAsync(desk.Portal("/admin/login").ToString());
        await chairPage.FillAsync("#UserName", desk.ChairUser);
        await chairPage.FillAsync("#Password", ProgrammerDesk.Password);
        await chairPage.ClickAsync("button[type=submit]");
        await chairPage.WaitForURLAsync(url => !url.Contains("/admin/login"));
        foreach (var width in new[] { 375, 1280 })
        {
            await chairPage.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { "/admin/tim-programmer/anggota", "/admin/tim-programmer/rapat", "/admin/tim-programmer/kasus", "/admin/tim-programmer/evaluasi",
                         "/admin/tim-programmer/kompetensi", $"/admin/tim-programmer/kompetensi?pd={desk.PlacementPd}" })
            {
                await Accessibility.CheckAsync(chairPage, desk.Portal(path), problems);
                var overflow = await chairPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (overflow) problems.Add($"{path} ({width}px): the page scrolls sideways");
            }
            await chairPage.WaitForSelectorAsync(".gap-chart-canvas svg path", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal("img", await chairPage.GetAttributeAsync(".gap-chart", "role"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
