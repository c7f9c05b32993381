using System.Text.Json.Nodes;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>A PD administrator at work in the workflow admin, through the same forms a person fills in.</summary>
public sealed class WorkflowDesk(TestSite site, string pd, SiteClient client)
{
    public string Pd => pd;
    public SiteClient Client => client;
    public TestSite Site => site;

    /// <summary>A new PD site with the Workflows feature switched on (by a recipe, as an administrator would), signed in as its admin.</summary>
    public static async Task<WorkflowDesk> OpenAsync(TestSite site, string prefix = "wf")
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd, "Dinas Uji " + pd);
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var desk = new WorkflowDesk(site, pd, client);
        var applied = await desk.ImportRecipeAsync("""{ "name": "alur-kerja", "steps": [ { "name": "feature", "enable": ["OrchardSpbe.Workflows"] } ] }""");
        Assert.True(applied.SuccessMessage is not null, string.Join(" ", applied.Errors));
        return desk;
    }

    public Uri Url(string path) => site.Url(pd, path);

    /// <summary>Pastes a recipe into /admin/recipes; the page it leads to says whether it applied.</summary>
    public Task<Page> ImportRecipeAsync(string json) =>
        client.SubmitAsync(Url("/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = json });

    public Task<Page> CreateDefinitionAsync(string json) =>
        client.SubmitAsync(Url("/admin/workflows/create"), "form.definition-form", new Dictionary<string, string> { ["Json"] = json });

    public Task<Page> SaveDefinitionAsync(string id, string json) =>
        client.SubmitAsync(Url($"/admin/workflows/{id}"), "form.definition-form", new Dictionary<string, string> { ["Json"] = json });

    /// <summary>Presses "Mulai" on the definition's page; returns the new instance's id.</summary>
    public async Task<string> StartAsync(string definitionId)
    {
        var page = await client.SubmitAsync(Url($"/admin/workflows/{definitionId}"), "form.start-form", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/admin/workflows/instances/", page.Url.AbsolutePath);
        return page.Url.AbsolutePath.Split('/').Last();
    }

    public Task<Page> InstanceAsync(string instanceId) => client.OpenAsync(Url($"/admin/workflows/instances/{instanceId}"));

    /// <summary>The version numbers the definition's page lists, newest first.</summary>
    public async Task<IReadOnlyList<int>> VersionsAsync(string definitionId) =>
        (await client.OpenAsync(Url($"/admin/workflows/{definitionId}")))
            .Document.QuerySelectorAll("table.definition-versions tbody tr").Select(r => int.Parse(r.GetAttribute("data-version")!)).ToList();

    /// <summary>The instance ids the instance list shows for a query string ("status=running&amp;definition=…").</summary>
    public async Task<IReadOnlyList<string>> ListInstancesAsync(string query) =>
        (await client.OpenAsync(Url("/admin/workflows/instances?" + query)))
            .Document.QuerySelectorAll("table.workflow-instances tbody tr").Select(r => r.GetAttribute("data-instance")!).ToList();

    /// <summary>Takes an action on the instance's open task from its page (the task form posts to /admin/tasks/{task}/{action}).</summary>
    public async Task<Page> DecideAsync(string instanceId, string action, string comment = "")
    {
        var page = await InstanceAsync(instanceId);
        var form = page.Document.QuerySelector("ul.open-tasks form.task-form")
                   ?? throw new InvalidOperationException("No open task form on the instance page: " + page.Html[..Math.Min(600, page.Html.Length)]);
        var button = form.QuerySelector($"button[data-action='{action}']") ?? throw new InvalidOperationException($"No action '{action}'.");
        form.SetAttribute("action", button.GetAttribute("formaction"));
        var decided = await page.SubmitAsync(client, "ul.open-tasks form.task-form", new Dictionary<string, string> { ["comment"] = comment });
        Assert.True((int)decided.Status < 400, $"POST {button.GetAttribute("formaction")}: {(int)decided.Status} {decided.Html[..Math.Min(300, decided.Html.Length)]}");
        return decided;
    }

    /// <summary>ManualStart → a user task whose only action the given roles may take → end.</summary>
    public static JsonObject OneTask(string id, string name, string roles = "Administrator", string action = "selesai") => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "name": "{{name}}",
          "activities": [
            { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
            { "id": "tinjau", "type": "UserTask", "title": "Tinjau",
              "actions": [ { "name": "{{action}}", "label": "Selesai", "roles": [{{string.Join(", ", roles.Split(',').Select(r => $"\"{r}\""))}}] } ] }
          ],
          "transitions": [ { "from": "mulai", "outcome": "Done", "to": "tinjau" } ]
        }
        """)!.AsObject();
}
