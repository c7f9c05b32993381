using Npgsql;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// A workflow started by a cron timer fires on schedule with no visitor — also when its time came while the host
/// was down: the restarted host fires the missed occurrence once, and a second restart fires nothing more.
/// </summary>
public sealed class TimerRestartTests
{
    [Fact]
    public async Task A_timer_workflow_due_while_the_host_was_down_fires_once_after_the_restart()
    {
        var first = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, Settings = WorkflowSite.SettingsWith(null) });
        try
        {
            var team = await PdTeam.OpenAsync(first, "pewaktu");
            // Fires at a second a few seconds ahead, once a minute (six-field cron: seconds first).
            var due = DateTimeOffset.UtcNow.AddSeconds(8);
            var recipe = $$"""
                { "name": "pengingat", "steps": [ { "name": "workflows", "workflows": [ {
                  "id": "pengingat-bulanan", "name": "Pengingat data bulanan",
                  "activities": [
                    { "id": "jadwal", "type": "Timer", "title": "Setiap bulan", "start": true, "cron": "{{due.Second}} * * * * *" },
                    { "id": "kabari", "type": "Notify", "title": "Ingatkan petugas data", "users": ["admin"], "subject": "Kirim data bulan ini" }
                  ],
                  "transitions": [ { "from": "jadwal", "to": "kabari" } ] } ] } ] }
                """;
            var imported = await team.Admin.SubmitAsync(team.Url("/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = recipe });
            Assert.Empty(imported.Errors);

            // The host goes down before the time comes, and stays down past it.
            await first.App.StopAsync();
            while (DateTimeOffset.UtcNow < due.AddSeconds(2)) await Task.Delay(250);
            Assert.Equal(0, await CountInstancesAsync(first, team.Pd));

            await using (var restarted = await TestSite.StartAsync(new TestSiteOptions
                         { Provider = DatabaseProviderName.Postgres, RunId = first.RunId, Settings = WorkflowSite.SettingsWith(null) }))
            {
                await WaitUntilAsync(async () => await CountInstancesAsync(first, team.Pd) == 1);
                await Task.Delay(TimeSpan.FromSeconds(3));
                Assert.Equal(1, await CountInstancesAsync(first, team.Pd));
                using var admin = restarted.NewVisitor();
                await admin.SignInAsync(restarted.Url(team.Pd), "admin", TestEnvironment.AdminPassword);
                var notifications = await admin.OpenAsync(restarted.Url(team.Pd, "/admin/notifications"));
                Assert.Single(notifications.Document.QuerySelectorAll(".notification"), n => n.TextContent.Contains("Kirim data bulan ini"));
            }

            // Another restart before the next occurrence fires nothing again.
            await using (var again = await TestSite.StartAsync(new TestSiteOptions
                         { Provider = DatabaseProviderName.Postgres, RunId = first.RunId, Settings = WorkflowSite.SettingsWith(null) }))
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                Assert.Equal(1, await CountInstancesAsync(first, team.Pd));
            }
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    /// <summary>Instances of the timer workflow, read straight from the PD's schema (the test's independent witness).</summary>
    private static async Task<long> CountInstancesAsync(TestSite site, string pd)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT COUNT(*) FROM t{site.RunId}_{pd}.workflow_instances WHERE definition_id = 'pengingat-bulanan'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The timer did not fire.");
            await Task.Delay(250);
        }
    }
}
