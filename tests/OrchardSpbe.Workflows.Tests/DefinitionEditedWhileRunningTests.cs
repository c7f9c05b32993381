using System.Text.Json.Nodes;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// An administrator edits a definition while three instances of it wait for a decision: the three finish on the
/// version they started on, and a new instance runs on the new version.
/// </summary>
/// <remarks>Decisions go through the task form on the instance page, which posts to <c>/admin/tasks/{task}/{action}</c>.</remarks>
public abstract class DefinitionEditedWhileRunningTests(WorkflowSite fixture)
{
    [Fact]
    public async Task Three_running_instances_finish_on_version_1_and_a_new_one_runs_on_version_2()
    {
        var desk = await WorkflowDesk.OpenAsync(fixture.Site);
        await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-versi", "Uji versi").ToJsonString());
        var running = new List<string>();
        for (var i = 0; i < 3; i++) running.Add(await desk.StartAsync("uji-versi"));

        // Version 2: after "Tinjau", a second decision ("Setujui").
        var v2 = WorkflowDesk.OneTask("uji-versi", "Uji versi");
        v2["activities"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "setujui", "type": "UserTask", "title": "Setujui",
              "actions": [ { "name": "setuju", "label": "Setuju", "roles": ["Administrator"] } ] }
            """));
        v2["transitions"]!.AsArray().Add(new JsonObject { ["from"] = "tinjau", ["outcome"] = "selesai", ["to"] = "setujui" });
        var saved = await desk.SaveDefinitionAsync("uji-versi", v2.ToJsonString());
        Assert.Contains("versi 2", saved.SuccessMessage);
        Assert.Equal("3", saved.Document.QuerySelector("dl.facts a[href*='status=running']")!.TextContent.Trim());
        var newer = await desk.StartAsync("uji-versi");

        foreach (var id in running)
        {
            var decided = await desk.DecideAsync(id, "selesai", "Sudah ditinjau");
            // A decision taken on the instance page comes back to it.
            Assert.Equal($"/admin/workflows/instances/{id}", decided.Url.AbsolutePath);
            var page = await desk.InstanceAsync(id);
            Assert.Equal("finished", page.Document.QuerySelector("dl.instance-facts [data-status]")!.GetAttribute("data-status"));
            Assert.EndsWith("/versions/1", page.Document.QuerySelector("a.definition-version")!.GetAttribute("href"));
            var steps = page.Document.QuerySelectorAll("table.workflow-history tbody tr").Select(r => r.GetAttribute("data-activity")).ToList();
            Assert.Equal(new[] { "mulai", "tinjau" }, steps);
            Assert.Contains("Sudah ditinjau", page.Document.QuerySelector("table.workflow-history")!.TextContent);
            Assert.Null(page.Document.QuerySelector("svg g.activity[data-activity=setujui]"));
        }

        await desk.DecideAsync(newer, "selesai");
        var onV2 = await desk.InstanceAsync(newer);
        Assert.Equal("running", onV2.Document.QuerySelector("dl.instance-facts [data-status]")!.GetAttribute("data-status"));
        Assert.EndsWith("/versions/2", onV2.Document.QuerySelector("a.definition-version")!.GetAttribute("href"));
        Assert.NotNull(onV2.Document.QuerySelector("svg g.activity.waiting[data-activity=setujui]"));
        Assert.NotNull(onV2.Document.QuerySelector("ul.open-tasks li[data-activity=setujui]"));
        Assert.Equal(new[] { newer }, await desk.ListInstancesAsync("status=running&definition=uji-versi"));
        Assert.Equal(3, (await desk.ListInstancesAsync("status=finished&definition=uji-versi")).Count);
        // The assignee filter by user: every instance whose task "admin" decided.
        Assert.Equal(4, (await desk.ListInstancesAsync("assignee=admin")).Count);
        Assert.Empty(await desk.ListInstancesAsync("assignee=penulis"));
    }
}

public sealed class SqliteDefinitionEditedWhileRunningTests(SqliteWorkflowSite fixture)
    : DefinitionEditedWhileRunningTests(fixture), IClassFixture<SqliteWorkflowSite>;

public sealed class PostgresDefinitionEditedWhileRunningTests(PostgresWorkflowSite fixture)
    : DefinitionEditedWhileRunningTests(fixture), IClassFixture<PostgresWorkflowSite>;
