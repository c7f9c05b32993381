using System.Net;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>Two reviewers press "Setujui" at the same moment on PostgreSQL: one decision, and a clear message to the other.</summary>
public sealed class ConcurrentDecisionTests(PostgresWorkflowSite fixture) : IClassFixture<PostgresWorkflowSite>
{
    [Fact]
    public async Task Two_heads_approving_at_once_give_one_decision_and_tell_the_second_who_decided()
    {
        var site = fixture.Site;
        var team = await PdTeam.OpenAsync(site, "serentak", ("wakil", "Reviewer"));
        using var author = await team.SignInAsync("penulis");
        var submitted = await team.WriteNewsAsync(author, "Festival Budaya Kota", "<p>Festival.</p>", "submit");
        using var head = await team.SignInAsync("kepala");
        using var deputy = await team.SignInAsync("wakil");
        var taskId = (await team.TaskIdInInboxAsync(head, "Festival Budaya Kota"))!;

        {
            var decisions = await Task.WhenAll(
                team.DecideAsync(head, taskId, "setujui", "Setuju."),
                team.DecideAsync(deputy, taskId, "setujui", "Setuju juga."));
            Assert.True(decisions.Count(d => d.Status == HttpStatusCode.OK && d.SuccessMessage is not null) == 1,
                string.Join(" | ", decisions.Select(d => $"{d.Status} {d.SuccessMessage} {string.Join(";", d.Errors)} {d.Url}")));
            var loser = decisions.FirstOrDefault(d => d.Status == HttpStatusCode.Conflict);
            Assert.True(loser is not null, string.Join(" | ", decisions.Select(d => $"{d.Status} {d.Url} {d.Html[..Math.Min(3000, d.Html.Length)]}")));
            Assert.Matches("sudah diputuskan oleh (Budi Santoso|Staf wakil)", loser.Errors.Single());
        }

        var history = await team.Admin.OpenAsync(team.Url($"/admin/workflows/items/{PdTeam.IdOf(submitted)}"));
        var acts = history.Document.QuerySelectorAll(".history-list tbody td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Diajukan", "Disetujui"], acts);
        Assert.Single(history.Document.QuerySelectorAll(".history-steps tbody td:nth-child(2)"), td => td.TextContent.Trim().StartsWith("Terbitkan"));
        var versions = await team.Admin.OpenAsync(team.Url($"/admin/contents/{PdTeam.IdOf(submitted)}/history"));
        Assert.Contains("Terbit", versions.Html);
        using var visitor = site.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(team.Url("/berita/festival-budaya-kota"))).StatusCode);
    }
}
