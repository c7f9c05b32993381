using System.Net;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// The instance list filters by status, definition, content item and assignee; an instance's page shows its path
/// on its version's graph and its history; an administrator cancels one (audited); others may not look.
/// </summary>
public abstract class InstanceAdminTests(WorkflowSite fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_instance_list_filters_and_an_instance_shows_its_path_and_is_cancelled_with_an_audit_entry()
    {
        var desk = await WorkflowDesk.OpenAsync(Site);
        await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-admin", "Uji admin").ToJsonString());
        await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-redaksi", "Uji redaksi", roles: "Editor").ToJsonString());
        // Started by a news item being created: the instance concerns that item.
        await desk.CreateDefinitionAsync("""
            { "id": "uji-konten", "name": "Uji konten",
              "activities": [
                { "id": "dibuat", "type": "ContentCreated", "title": "Berita dibuat", "start": true, "contentTypes": ["Article"] },
                { "id": "periksa", "type": "UserTask", "title": "Periksa berita",
                  "actions": [ { "name": "oke", "label": "Oke", "roles": ["Reviewer"] } ] } ],
              "transitions": [ { "from": "dibuat", "outcome": "Done", "to": "periksa" } ] }
            """);
        var kept = await desk.StartAsync("uji-admin");
        var cancelled = await desk.StartAsync("uji-admin");
        var editors = await desk.StartAsync("uji-redaksi");
        var news = await desk.Client.SubmitAsync(desk.Url("/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Banjir di Bekasi Timur", ["BodyPart.Html"] = "<p>Isi.</p>", ["submit"] = "draft",
        });
        var newsId = news.Url.AbsolutePath.Split('/')[3];
        var forNews = Assert.Single(await desk.ListInstancesAsync("definition=uji-konten"));

        // The instance page: its version's graph with the path so far, the waiting step, the open task, the history.
        var page = await desk.InstanceAsync(kept);
        Assert.NotNull(page.Document.QuerySelector("svg[role=img] > title"));
        Assert.NotNull(page.Document.QuerySelector("svg g.activity.visited[data-activity=mulai]"));
        Assert.NotNull(page.Document.QuerySelector("svg g.activity.waiting[data-activity=tinjau]"));
        Assert.NotNull(page.Document.QuerySelector("details.graph-text li[data-activity=tinjau]"));
        Assert.NotNull(page.Document.QuerySelector("ul.open-tasks li[data-activity=tinjau] button[data-action=selesai]"));
        var history = Assert.Single(page.Document.QuerySelectorAll("table.workflow-history tbody tr"));
        Assert.Equal("mulai", history.GetAttribute("data-activity"));
        Assert.Contains("WIB", history.TextContent);
        Assert.Contains("admin", history.TextContent);
        var item = await desk.InstanceAsync(forNews);
        Assert.Equal($"/admin/contents/{newsId}/edit", item.Document.QuerySelector("a.content-link")!.GetAttribute("href"));
        Assert.Contains("Banjir di Bekasi Timur", item.Document.QuerySelector("a.content-link")!.TextContent);

        // Cancel one, with a reason: its task closes, the history and the audit log say who.
        var done = await (await desk.InstanceAsync(cancelled))
            .SubmitAsync(desk.Client, "form.cancel-form", new Dictionary<string, string> { ["reason"] = "Uji pembatalan" });
        Assert.Equal("Instans dibatalkan.", done.SuccessMessage);
        Assert.Equal("cancelled", done.Document.QuerySelector("dl.instance-facts [data-status]")!.GetAttribute("data-status"));
        Assert.Null(done.Document.QuerySelector("form.cancel-form"));
        Assert.Null(done.Document.QuerySelector("ul.open-tasks"));
        var last = done.Document.QuerySelectorAll("table.workflow-history tbody tr").Last();
        Assert.Contains("Uji pembatalan", last.TextContent);
        Assert.Contains("admin", last.TextContent);
        var audit = await desk.Client.OpenAsync(desk.Url("/admin/audit"));
        Assert.Contains("workflow.cancelled", audit.Html);

        // Filters: status, definition, content title, assignee role (open tasks only) — newest first.
        Assert.Equal(new[] { cancelled }, await desk.ListInstancesAsync("status=cancelled"));
        Assert.Equal(new[] { editors }, await desk.ListInstancesAsync("status=running&definition=uji-redaksi"));
        Assert.Equal(new[] { forNews, editors, kept }, await desk.ListInstancesAsync("status=running"));
        Assert.Equal(new[] { cancelled, kept }, await desk.ListInstancesAsync("definition=uji-admin"));
        Assert.Equal(new[] { forNews }, await desk.ListInstancesAsync("item=banjir"));
        Assert.Empty(await desk.ListInstancesAsync("item=kemarau"));
        Assert.Equal(new[] { editors }, await desk.ListInstancesAsync("assignee=editor"));
        Assert.Equal(new[] { forNews }, await desk.ListInstancesAsync("assignee=Reviewer"));
        Assert.Equal(new[] { kept }, await desk.ListInstancesAsync("assignee=Administrator"));
        Assert.Equal(4, (await desk.ListInstancesAsync("")).Count);

        // The definitions list: versions and running counts.
        var list = await desk.Client.OpenAsync(desk.Url("/admin/workflows"));
        Assert.Equal("1", list.Document.QuerySelector("tr[data-definition=uji-admin] td.running")!.TextContent.Trim());
        Assert.Equal("1", list.Document.QuerySelector("tr[data-definition=uji-redaksi] td.running")!.TextContent.Trim());
        Assert.Equal("1", list.Document.QuerySelector("tr[data-definition=uji-konten] td.versions")!.TextContent.Trim());
    }

    [Fact]
    public async Task Users_without_the_workflow_permissions_are_refused()
    {
        var desk = await WorkflowDesk.OpenAsync(Site);
        await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-akses", "Uji akses").ToJsonString());
        var instance = await desk.StartAsync("uji-akses");
        await desk.ImportRecipeAsync("""
            { "name": "pengguna", "steps": [
              { "name": "roles", "roles": [ { "name": "Reviewer", "description": "Kepala perangkat daerah.",
                "permissions": ["AccessAdmin", "ViewAuditLog", "EditContent", "PublishContent", "ViewWorkflows"] } ] },
              { "name": "users", "users": [
              { "userName": "penulis", "email": "penulis@dinas.go.id", "password": "Penulis-Kuat-2026", "roles": ["Author"] },
              { "userName": "kepala", "email": "kepala@dinas.go.id", "password": "Kepala-Kuat-2026", "roles": ["Reviewer"] } ] } ] }
            """);

        using var author = Site.NewVisitor();
        await author.SignInAsync(desk.Url("/"), "penulis", "Penulis-Kuat-2026");
        foreach (var path in new[] { "/admin/workflows", "/admin/workflows/uji-akses", "/admin/workflows/instances", $"/admin/workflows/instances/{instance}", "/admin/workflows/uji-akses/export" })
            Assert.Equal(HttpStatusCode.Forbidden, (await author.OpenAsync(desk.Url(path))).Status);

        // A reviewer granted ViewWorkflows sees definitions and instances, but neither edits, starts nor cancels.
        using var reviewer = Site.NewVisitor();
        await reviewer.SignInAsync(desk.Url("/"), "kepala", "Kepala-Kuat-2026");
        var definition = await reviewer.OpenAsync(desk.Url("/admin/workflows/uji-akses"));
        Assert.Equal(HttpStatusCode.OK, definition.Status);
        Assert.Null(definition.Document.QuerySelector("form.definition-form"));
        Assert.Null(definition.Document.QuerySelector("form.start-form"));
        Assert.NotNull(definition.Document.QuerySelector("pre.json"));
        var page = await reviewer.OpenAsync(desk.Url($"/admin/workflows/instances/{instance}"));
        Assert.Null(page.Document.QuerySelector("form.cancel-form"));
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? (await reviewer.OpenAsync(desk.Url("/admin"))).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var path in new[] { $"/admin/workflows/instances/{instance}/cancel", "/admin/workflows/uji-akses/start", "/admin/workflows/uji-akses" })
        {
            var response = await reviewer.Http.PostAsync(desk.Url(path), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Json"] = "{}", ["ExpectedVersion"] = "1",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.FollowAsync(response)).StatusCode);
        }
        Assert.Equal("running", (await desk.InstanceAsync(instance)).Document.QuerySelector("dl.instance-facts [data-status]")!.GetAttribute("data-status"));
    }
}

public sealed class SqliteInstanceAdminTests(SqliteWorkflowSite fixture) : InstanceAdminTests(fixture), IClassFixture<SqliteWorkflowSite>;

public sealed class PostgresInstanceAdminTests(PostgresWorkflowSite fixture) : InstanceAdminTests(fixture), IClassFixture<PostgresWorkflowSite>;
