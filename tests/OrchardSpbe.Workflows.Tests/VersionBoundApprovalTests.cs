using System.Diagnostics;
using System.Net;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// Two web nodes on PostgreSQL (issue 16 §1): the head looks at a submitted news item on node A while the author changes
/// it on node B. The head's approval is refused, and whatever the timing, the public never gets text the head was not shown.
/// </summary>
public sealed class VersionBoundApprovalTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task An_edit_on_another_node_withdraws_the_submission_and_the_head_never_publishes_text_they_were_not_shown()
    {
        var teamA = await PdTeam.OpenAsync(nodes.NodeA, "versi");
        var teamB = new PdTeam(nodes.NodeB, teamA.Pd, teamA.Admin);
        await WaitUntilAsync(async () => { using var probe = nodes.NodeB.NewVisitor(); return (await probe.GetAsync(teamB.Url("/admin/login"))).IsSuccessStatusCode; });
        using var author = await teamB.SignInAsync("penulis");
        using var head = await teamA.SignInAsync("kepala");

        var submitted = await teamB.WriteNewsAsync(author, "Taman Kota Baru", "<p>Teks pertama.</p>", "submit");
        var id = PdTeam.IdOf(submitted);
        var taskId = (await teamA.TaskIdInInboxAsync(head, "Taman Kota Baru"))!;
        var shown = await teamA.ShownVersionAsync(head, taskId);
        Assert.False(string.IsNullOrEmpty(shown));

        // The author changes the text on node B: the submission is withdrawn, and the head's approval on node A is refused.
        await SaveDraftAsync(teamB, author, id, "<p>Teks kedua yang belum dilihat kepala.</p>");
        var refused = await teamA.DecideAsync(head, taskId, "setujui", "", shown);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("diubah setelah diajukan", refused.Errors.Single());
        using var visitor = nodes.NodeB.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(teamB.Url("/berita/taman-kota-baru"))).StatusCode);
        Assert.Null(await teamA.TaskIdInInboxAsync(head, "Taman Kota Baru"));

        // Resubmitted; the head approves on node A at the very moment the author saves again on node B.
        var editor = await author.OpenAsync(teamB.Url($"/admin/contents/{id}/edit"));
        await editor.SubmitAsync(author, "form.content-editor", new Dictionary<string, string> { ["submit"] = "submit" });
        taskId = (await teamA.TaskIdInInboxAsync(head, "Taman Kota Baru"))!;
        shown = await teamA.ShownVersionAsync(head, taskId);
        var task = await head.OpenAsync(teamA.Url($"/admin/tasks/{taskId}"));
        Assert.Contains("Teks kedua yang belum dilihat kepala.", task.Document.QuerySelector(".version-preview")!.TextContent);
        var edit = SaveDraftAsync(teamB, author, id, "<p>Teks ketiga yang tidak pernah dilihat kepala.</p>");
        var decision = teamA.DecideAsync(head, taskId, "setujui", "", shown);
        await Task.WhenAll(edit, decision);
        var decided = await decision;
        Assert.True(decided.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{decided.Status}: {decided.Html[..Math.Min(400, decided.Html.Length)]}");

        var page = await visitor.GetAsync(teamB.Url("/berita/taman-kota-baru"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Teks ketiga", html);
        if (decided.Status == HttpStatusCode.OK)
        {
            // The approval came first: the version the head was shown is public; the later edit waits as a draft.
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Teks kedua yang belum dilihat kepala.", html);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
    }

    private static async Task SaveDraftAsync(PdTeam team, SiteClient author, string id, string body)
    {
        var editor = await author.OpenAsync(team.Url($"/admin/contents/{id}/edit"));
        var saved = await editor.SubmitAsync(author, "form.content-editor", new Dictionary<string, string> { ["BodyPart.Html"] = body, ["submit"] = "draft" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
    }
}
