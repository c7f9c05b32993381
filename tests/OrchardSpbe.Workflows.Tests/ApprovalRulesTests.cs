using System.Net;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>Who may do what in the content approval: roles per action, tenants apart, one decision per task.</summary>
public sealed class ApprovalRulesTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_author_submits_instead_of_publishing_and_cannot_take_the_heads_decision()
    {
        var team = await PdTeam.OpenAsync(Site);
        using var author = await team.SignInAsync("penulis");
        var editor = await author.OpenAsync(team.Url("/admin/contents/create/Article"));
        Assert.Null(editor.Document.QuerySelector("button[value=publish]"));
        Assert.NotNull(editor.Document.QuerySelector("button[value=submit]"));

        var submitted = await team.WriteNewsAsync(author, "Posyandu Keliling", "<p>Jadwal posyandu.</p>", "submit");
        Assert.Equal("'Posyandu Keliling' diajukan untuk ditinjau.", submitted.SuccessMessage);
        Assert.Contains("Menunggu persetujuan", submitted.Document.QuerySelector(".review-panel")!.TextContent);
        Assert.Null(submitted.Document.QuerySelector("button[value=submit]"));
        Assert.Empty(submitted.Document.QuerySelectorAll(".review-panel form"));

        using var head = await team.SignInAsync("kepala");
        var taskId = await team.TaskIdInInboxAsync(head, "Posyandu Keliling");
        Assert.NotNull(taskId);
        var forced = await team.DecideAsync(author, taskId!, "setujui", "");
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(team.Url("/berita/posyandu-keliling"))).StatusCode);
        var audit = await team.Admin.OpenAsync(team.Url("/admin/audit"));
        Assert.Contains("workflow.task.denied", audit.Html);

        var list = await team.Admin.OpenAsync(team.Url("/admin/contents?review=menunggu-persetujuan"));
        Assert.Contains("Posyandu Keliling", list.Document.QuerySelector(".content-list")!.TextContent);
        var approvedList = await team.Admin.OpenAsync(team.Url("/admin/contents?review=tidak-ada"));
        Assert.DoesNotContain("Posyandu Keliling", approvedList.Document.QuerySelector(".content-list")!.TextContent);
    }

    [Fact]
    public async Task Another_PDs_head_neither_sees_nor_decides_the_task()
    {
        var teamA = await PdTeam.OpenAsync(Site, "pda");
        var teamB = await PdTeam.OpenAsync(Site, "pdb");
        using var author = await teamA.SignInAsync("penulis");
        await teamA.WriteNewsAsync(author, "Lomba Kampung Bersih", "<p>Lomba.</p>", "submit");
        using var headA = await teamA.SignInAsync("kepala");
        var taskId = await teamA.TaskIdInInboxAsync(headA, "Lomba Kampung Bersih");
        Assert.NotNull(taskId);

        using var headB = await teamB.SignInAsync("kepala");
        Assert.Null(await teamB.TaskIdInInboxAsync(headB, "Lomba Kampung Bersih"));
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync(teamB.Url($"/admin/tasks/{taskId}"))).StatusCode);
        var acrossTenants = await teamB.DecideAsync(headB, taskId!, "setujui", "");
        Assert.Equal(HttpStatusCode.NotFound, acrossTenants.Status);
        // B's sign-in cookie is not valid on A's site either.
        var cookieCarried = await headB.GetAsync(teamA.Url($"/admin/tasks/{taskId}"));
        Assert.NotEqual(HttpStatusCode.OK, cookieCarried.StatusCode);
        Assert.NotNull(await teamA.TaskIdInInboxAsync(headA, "Lomba Kampung Bersih"));
    }

    [Fact]
    public async Task A_rejection_without_a_comment_is_refused_and_changes_nothing()
    {
        var team = await PdTeam.OpenAsync(Site);
        using var author = await team.SignInAsync("penulis");
        var submitted = await team.WriteNewsAsync(author, "Vaksinasi Anak", "<p>Vaksin.</p>", "submit");
        using var head = await team.SignInAsync("kepala");
        var taskId = (await team.TaskIdInInboxAsync(head, "Vaksinasi Anak"))!;

        var refused = await team.DecideAsync(head, taskId, "tolak", "  ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("memerlukan catatan", refused.Errors.Single());
        Assert.NotNull(await team.TaskIdInInboxAsync(head, "Vaksinasi Anak"));
        var editor = await author.OpenAsync(team.Url($"/admin/contents/{PdTeam.IdOf(submitted)}/edit"));
        Assert.Contains("Menunggu persetujuan", editor.Document.QuerySelector(".review-panel")!.TextContent);
    }

    [Fact]
    public async Task An_administrators_force_publish_settles_the_review_and_is_recorded()
    {
        var team = await PdTeam.OpenAsync(Site);
        using var author = await team.SignInAsync("penulis");
        var submitted = await team.WriteNewsAsync(author, "Pengumuman Darurat Banjir", "<p>Siaga.</p>", "submit");
        var id = PdTeam.IdOf(submitted);

        var adminEditor = await team.Admin.OpenAsync(team.Url($"/admin/contents/{id}/edit"));
        Assert.Equal("Terbitkan tanpa persetujuan", adminEditor.Document.QuerySelector("button[value=publish]")!.TextContent.Trim());
        await adminEditor.SubmitAsync(team.Admin, "form.content-editor", new Dictionary<string, string> { ["submit"] = "publish" });

        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(team.Url("/berita/pengumuman-darurat-banjir"))).StatusCode);
        using var head = await team.SignInAsync("kepala");
        Assert.Null(await team.TaskIdInInboxAsync(head, "Pengumuman Darurat Banjir"));
        var history = await team.Admin.OpenAsync(team.Url($"/admin/workflows/items/{id}"));
        Assert.Contains("Diterbitkan langsung tanpa persetujuan", history.Html);
        Assert.Contains("force-publish", history.Html);
        var audit = await team.Admin.OpenAsync(team.Url("/admin/audit"));
        Assert.Contains("content.force-published", audit.Html);
    }
}
