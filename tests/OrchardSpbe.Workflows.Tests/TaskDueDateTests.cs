namespace OrchardSpbe.Workflows.Tests;

/// <summary>A task nobody decides by its due date expires on the background timer; the process goes on with "Overdue".</summary>
public sealed class TaskDueDateTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    [Fact]
    public async Task An_undecided_task_expires_at_its_due_date_and_the_process_escalates()
    {
        var desk = await WorkflowDesk.OpenAsync(fixture.Site, "tenggat");
        var created = await desk.CreateDefinitionAsync("""
            {
              "id": "verifikasi-data", "name": "Verifikasi data bulanan",
              "activities": [
                { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
                { "id": "verifikasi", "type": "UserTask", "title": "Verifikasi data", "dueAfter": "+0m",
                  "actions": [ { "name": "terima", "label": "Terima", "roles": ["Administrator"] } ] },
                { "id": "ingatkan", "type": "Notify", "title": "Eskalasi", "users": ["admin"], "subject": "Verifikasi data terlambat" }
              ],
              "transitions": [
                { "from": "mulai", "to": "verifikasi" },
                { "from": "verifikasi", "outcome": "Overdue", "to": "ingatkan" }
              ]
            }
            """);
        Assert.Empty(created.Errors);

        var instanceId = await desk.StartAsync("verifikasi-data");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string?> steps;
        do
        {
            await Task.Delay(500);
            var instance = await desk.InstanceAsync(instanceId);
            steps = instance.Document.QuerySelectorAll(".workflow-history tbody tr").Select(r => r.GetAttribute("data-activity")).ToList();
        } while (!steps.Contains("ingatkan") && DateTime.UtcNow < deadline);

        Assert.Equal(["mulai", "verifikasi", "ingatkan"], steps);
        var inbox = await desk.Client.OpenAsync(desk.Url("/admin/tasks"));
        Assert.DoesNotContain("Verifikasi data", inbox.Document.QuerySelector("main")!.TextContent);
        var notifications = await desk.Client.OpenAsync(desk.Url("/admin/notifications"));
        Assert.Contains("Verifikasi data terlambat", notifications.Html);
    }
}
