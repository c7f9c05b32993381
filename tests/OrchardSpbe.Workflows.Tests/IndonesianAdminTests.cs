using Microsoft.Playwright;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// The localisation guard on the pages a PD team lives in (issue 16 §6), in Chromium: the user form's roles, "Tugas
/// saya", the rich-text toolbar, the approval history and the dashboard's activity show no English word, no raw audit
/// code and no UTC time; people are named by their display names. In the English UI the roles keep their English names.
/// </summary>
public sealed class IndonesianAdminTests(SqliteWorkflowSite fixture, ChromiumFixture chromium)
    : IClassFixture<SqliteWorkflowSite>, IClassFixture<ChromiumFixture>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public void The_guard_fails_on_an_english_toolbar_label_a_raw_audit_code_and_a_utc_time()
    {
        Assert.Contains("English \"Bold\"", IndonesianText.ProblemsIn("Tebal Bold Miring"));
        Assert.Contains("English \"Attach Files\"", IndonesianText.ProblemsIn("Lampiran: Attach Files"));
        Assert.Contains("audit code \"user.signed-in\"", IndonesianText.ProblemsIn("admin user.signed-in admin"));
        Assert.Contains("a time in UTC", IndonesianText.ProblemsIn("Waktu (UTC) 2026-11-26 10:00:00"));
        Assert.Empty(IndonesianText.ProblemsIn("Tebal · Miring · Subjudul · Masuk ke admin · 26 November 2026 17.00 WIB · kepala@pd.bekasikota.go.id"));
    }

    [Fact]
    public async Task The_pages_of_the_editorial_workflow_speak_indonesian_and_name_people_by_their_display_names()
    {
        var team = await PdTeam.OpenAsync(Site, "bahasa");
        using var author = await team.SignInAsync("penulis");
        var submitted = await team.WriteNewsAsync(author, "Kerja Bakti Kelurahan", "<p>Kerja bakti.</p>", "submit");
        using var head = await team.SignInAsync("kepala");
        var taskId = (await team.TaskIdInInboxAsync(head, "Kerja Bakti Kelurahan"))!;
        await team.DecideAsync(head, taskId, "tolak", "Tambahkan jadwalnya.");

        var admin = await team.SignInAsync(chromium, "admin", TestEnvironment.AdminPassword);
        var reviewer = await team.SignInAsync(chromium, "kepala", PdTeam.Password);
        var writer = await team.SignInAsync(chromium, "penulis", PdTeam.Password);
        await writer.GotoAsync(team.Url($"/admin/contents/{PdTeam.IdOf(submitted)}/edit").ToString());
        await writer.ClickAsync("button[name=submit][value=submit]");
        await writer.WaitForSelectorAsync(".alert-success");

        // The user form: roles by Indonesian name, each with a one-line description.
        await admin.GotoAsync(team.Url("/admin/users/create").ToString());
        await Assertions.Expect(admin.Locator("label[for=role-Reviewer]")).ToHaveTextAsync("Peninjau (kepala perangkat daerah)");
        await Assertions.Expect(admin.Locator("#role-Author-hint")).ToContainTextAsync("mengajukannya untuk ditinjau");
        await AssertIndonesianAsync(admin);

        // "Tugas saya": the role that may decide, by its Indonesian name.
        await reviewer.GotoAsync(team.Url("/admin/tasks").ToString());
        await Assertions.Expect(reviewer.Locator(".task-list")).ToContainTextAsync("Peninjau (kepala perangkat daerah)");
        await AssertIndonesianAsync(reviewer);

        // The rich-text toolbar: labels and tooltips.
        await writer.GotoAsync(team.Url("/admin/contents/create/Article").ToString());
        await writer.WaitForSelectorAsync("trix-toolbar button[data-trix-attribute=bold]");
        Assert.Equal("Tebal", await writer.GetAttributeAsync("trix-toolbar button[data-trix-attribute=bold]", "title"));
        await AssertIndonesianAsync(writer, "trix-toolbar");
        await AssertIndonesianAsync(writer);

        // The approval history (with the technical steps opened) and the dashboard's activity.
        await admin.GotoAsync(team.Url($"/admin/workflows/items/{PdTeam.IdOf(submitted)}").ToString());
        await admin.ClickAsync(".history-detail summary");
        await Assertions.Expect(admin.Locator(".history-list")).ToContainTextAsync("Budi Santoso");
        await AssertIndonesianAsync(admin);
        await admin.GotoAsync(team.Url("/admin").ToString());
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Masuk ke admin");
        await AssertIndonesianAsync(admin);

        // In English the roles keep their English names.
        await admin.GotoAsync(team.Url("/culture/en?returnUrl=%2Fadmin%2Fusers%2Fcreate").ToString());
        await Assertions.Expect(admin.Locator("label[for=role-Reviewer]")).ToHaveTextAsync("Reviewer");
    }

    /// <summary>The visible text and the labels, tooltips and placeholders under <paramref name="selector"/> pass the guard.</summary>
    private static async Task AssertIndonesianAsync(IPage page, string selector = "main")
    {
        var text = await page.Locator(selector).First.EvaluateAsync<string>("""
            root => [root.innerText,
                     ...Array.from(root.querySelectorAll('[title],[aria-label],[placeholder]'))
                        .flatMap(e => [e.getAttribute('title'), e.getAttribute('aria-label'), e.getAttribute('placeholder')])
                        .filter(v => v)].join('\n')
            """);
        var problems = IndonesianText.ProblemsIn(text);
        Assert.True(problems.Count == 0, $"{page.Url} {selector}: {string.Join(", ", problems)}");
    }
}
