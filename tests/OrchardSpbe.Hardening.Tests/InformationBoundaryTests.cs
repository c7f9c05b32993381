using System.Net;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// Finding 9: inside a site, each user sees only what their permissions allow. An author does not read the
/// audit log on the dashboard, nor a colleague's draft titles in the content list or on a task page.
/// </summary>
public sealed class InformationBoundaryTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_author_sees_neither_the_audit_log_nor_other_users_drafts_nor_their_tasks()
    {
        var desk = await PdDesk.OpenAsync(Site, "batas");
        await CreateUserAsync(desk, "penulis", "Author");
        await CreateUserAsync(desk, "kepala", "Reviewer");
        // The administrator keeps one draft and submits another for the head's review.
        await desk.CreateAsync("Article", new Dictionary<string, string> { ["TitlePart.Title"] = "Draf rahasia administrator" }, publish: false);
        var submitted = await desk.Client.SubmitAsync(desk.Url("/admin/contents/create/Article"), "form.content-editor",
            new Dictionary<string, string> { ["TitlePart.Title"] = "Usulan rahasia menunggu persetujuan", ["submit"] = "submit" });
        Assert.Empty(submitted.Errors);

        using var head = Site.NewVisitor();
        await head.SignInAsync(desk.Url("/"), "kepala", Password);
        var inbox = await head.OpenAsync(desk.Url("/admin/tasks"));
        var taskLink = inbox.Document.QuerySelectorAll("table.task-list td a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/admin/tasks/"));
        Assert.Contains("Aktivitas terakhir", (await head.OpenAsync(desk.Url("/admin"))).Html);

        using var author = Site.NewVisitor();
        var dashboard = await author.SignInAsync(desk.Url("/"), "penulis", Password);
        Assert.StartsWith("Dasbor", dashboard.Heading);
        Assert.DoesNotContain("Aktivitas terakhir", dashboard.Html);
        Assert.DoesNotContain("user.signed-in", dashboard.Html);

        var list = await author.OpenAsync(desk.Url("/admin/contents"));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain("Draf rahasia administrator", list.Html);
        Assert.DoesNotContain("Usulan rahasia", list.Html);
        var searched = await author.OpenAsync(desk.Url("/admin/contents?q=rahasia&status=draft"));
        Assert.DoesNotContain("rahasia", searched.Document.QuerySelector("main")!.TextContent.Replace("q=rahasia", ""), StringComparison.OrdinalIgnoreCase);

        var task = await author.GetAsync(desk.Url(taskLink));
        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.DoesNotContain("Usulan rahasia", await task.Content.ReadAsStringAsync());
    }

    private const string Password = "Pengguna-Uji-2026";

    private static async Task CreateUserAsync(PdDesk desk, string userName, string role)
    {
        var page = await desk.Client.SubmitAsync(desk.Url("/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Email"] = userName + "@batas.bekasikota.go.id", ["DisplayName"] = "Pengguna " + userName,
            ["Password"] = Password, ["ConfirmPassword"] = Password, ["Roles"] = role,
        });
        Assert.True(page.SuccessMessage is not null, string.Join("; ", page.Errors));
    }
}
