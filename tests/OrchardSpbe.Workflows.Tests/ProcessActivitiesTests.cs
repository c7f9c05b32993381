namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// A process that is not about content: started by hand, it forks, waits for a time on one branch while the other
/// calls another system over HTTP, joins, decides on the call's status code and notifies — all with no visitor.
/// </summary>
public sealed class ProcessActivitiesTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    [Fact]
    public async Task A_forked_process_waits_calls_joins_decides_and_notifies()
    {
        var desk = await WorkflowDesk.OpenAsync(fixture.Site, "proses");
        var health = fixture.Site.Url(null, "/health/live");
        var created = await desk.CreateDefinitionAsync($$$"""
            {
              "id": "cek-layanan", "name": "Cek layanan harian",
              "activities": [
                { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
                { "id": "cabang", "type": "Fork", "title": "Bercabang", "branches": ["tunggu", "panggil"] },
                { "id": "jeda", "type": "WaitUntil", "title": "Jeda sebentar", "until": "+0m" },
                { "id": "panggil", "type": "HttpRequest", "title": "Panggil layanan", "method": "GET", "url": "{{{health}}}" },
                { "id": "gabung", "type": "Join", "title": "Gabung" },
                { "id": "sehat", "type": "IfElse", "title": "Layanan sehat?", "condition": "properties['panggil.status'] == 200" },
                { "id": "kabari", "type": "Notify", "title": "Kabari admin", "users": ["admin"], "subject": "{{ workflow.name }}: layanan sehat" },
                { "id": "gagal", "type": "Notify", "title": "Kabari admin: gagal", "users": ["admin"], "subject": "Layanan gagal" }
              ],
              "transitions": [
                { "from": "mulai", "to": "cabang" },
                { "from": "cabang", "outcome": "tunggu", "to": "jeda" },
                { "from": "cabang", "outcome": "panggil", "to": "panggil" },
                { "from": "jeda", "to": "gabung" },
                { "from": "panggil", "outcome": "Done", "to": "gabung" },
                { "from": "panggil", "outcome": "Failed", "to": "gabung" },
                { "from": "gabung", "to": "sehat" },
                { "from": "sehat", "outcome": "True", "to": "kabari" },
                { "from": "sehat", "outcome": "False", "to": "gagal" }
              ]
            }
            """);
        Assert.Empty(created.Errors);

        var instanceId = await desk.StartAsync("cek-layanan");
        // The timed wait is resumed by the background timer (a tick a second), then the join lets the flow on.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string?> steps;
        do
        {
            await Task.Delay(500);
            var instance = await desk.InstanceAsync(instanceId);
            steps = instance.Document.QuerySelectorAll(".workflow-history tbody tr").Select(r => r.GetAttribute("data-activity")).ToList();
        } while (!steps.Contains("kabari") && !steps.Contains("gagal") && DateTime.UtcNow < deadline);

        // The wait is recorded as waiting and again when the timer resumes it; the join passes once both branches arrived.
        Assert.Equal(["mulai", "cabang", "jeda", "panggil", "jeda", "gabung", "sehat", "kabari"], steps);
        var notifications = await desk.Client.OpenAsync(desk.Url("/admin/notifications"));
        Assert.Contains("Cek layanan harian: layanan sehat", notifications.Html);
        Assert.DoesNotContain("Layanan gagal", notifications.Html);
    }

    // A workflow's HTTP request is user input: the same server by its address 127.0.0.1 (not an allowed host) is
    // refused at connection, as the metadata address would be, and the flow goes on by its "failed" road.
    [Fact]
    public async Task An_HTTP_request_to_an_internal_address_is_refused()
    {
        var desk = await WorkflowDesk.OpenAsync(fixture.Site, "ssrf");
        var internalUrl = $"http://127.0.0.1:{fixture.Site.Port}/health/live";
        var created = await desk.CreateDefinitionAsync($$$"""
            {
              "id": "cek-internal", "name": "Cek alamat internal",
              "activities": [
                { "id": "mulai", "type": "ManualStart", "title": "Mulai", "start": true },
                { "id": "panggil", "type": "HttpRequest", "title": "Panggil", "method": "GET", "url": "{{{internalUrl}}}" },
                { "id": "ditolak", "type": "Notify", "title": "Ditolak", "users": ["admin"], "subject": "Panggilan internal ditolak" },
                { "id": "lolos", "type": "Notify", "title": "Lolos", "users": ["admin"], "subject": "Panggilan internal lolos" }
              ],
              "transitions": [
                { "from": "mulai", "to": "panggil" },
                { "from": "panggil", "outcome": "Failed", "to": "ditolak" },
                { "from": "panggil", "outcome": "Done", "to": "lolos" }
              ]
            }
            """);
        Assert.Empty(created.Errors);
        await desk.StartAsync("cek-internal");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string html;
        do
        {
            await Task.Delay(300);
            html = (await desk.Client.OpenAsync(desk.Url("/admin/notifications"))).Html;
        } while (!html.Contains("Panggilan internal") && DateTime.UtcNow < deadline);
        Assert.Contains("Panggilan internal ditolak", html);
        Assert.DoesNotContain("Panggilan internal lolos", html);
    }
}
