namespace OrchardSpbe.Workflows.Tests;

/// <summary>The workflow admin passes axe-core in Chromium: no serious or critical WCAG 2.1 AA violation.</summary>
public sealed class WorkflowAdminAccessibilityTests(SqliteWorkflowSite fixture, ChromiumFixture chromium)
    : IClassFixture<SqliteWorkflowSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_definitions_list_a_definition_with_its_graph_and_an_instance_page_have_no_serious_violations()
    {
        var desk = await WorkflowDesk.OpenAsync(fixture.Site, "aks");
        // A loop (back to review after a rejection) so the graph draws a back edge too.
        await desk.CreateDefinitionAsync("""
            { "id": "uji-aksesibel", "name": "Uji aksesibel",
              "activities": [
                { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
                { "id": "tinjau", "type": "UserTask", "title": "Tinjau naskah",
                  "actions": [ { "name": "setujui", "label": "Setujui", "roles": ["Administrator"], "primary": true },
                               { "name": "tolak", "label": "Tolak", "roles": ["Administrator"], "requiresComment": true } ] },
                { "id": "perbaiki", "type": "UserTask", "title": "Perbaiki naskah",
                  "actions": [ { "name": "kirim", "label": "Kirim lagi", "roles": ["Administrator"] } ] } ],
              "transitions": [
                { "from": "mulai", "outcome": "Done", "to": "tinjau" },
                { "from": "tinjau", "outcome": "tolak", "to": "perbaiki" },
                { "from": "perbaiki", "outcome": "kirim", "to": "tinjau" } ] }
            """);
        var instance = await desk.StartAsync("uji-aksesibel");
        var definition = await desk.Client.OpenAsync(desk.Url("/admin/workflows/uji-aksesibel"));
        Assert.NotNull(definition.Document.QuerySelector("svg path.edge.back[data-from=perbaiki][data-to=tinjau]"));

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(desk.Url("/admin/login").ToString());
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", TestEnvironment.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.CheckAsync(page, desk.Url("/admin/workflows"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/admin/workflows/uji-aksesibel"), problems);
            await Accessibility.CheckAsync(page, desk.Url("/admin/workflows/instances"), problems);
            await Accessibility.CheckAsync(page, desk.Url($"/admin/workflows/instances/{instance}"), problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
