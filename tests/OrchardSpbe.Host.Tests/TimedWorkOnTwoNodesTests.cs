using Npgsql;

namespace OrchardSpbe.Host.Tests;

/// <summary>
/// Issue 17 on two nodes (PostgreSQL and Redis): the time a task next has work is shared through the host store, so
/// a node that did not see the commit still fires it — and work that must happen once (a scheduled publication)
/// happens once, though both nodes wake for it.
/// </summary>
public sealed class TimedWorkOnTwoNodesTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Spbe:Background:Tick"] = "00:00:01" };

    [Fact]
    public async Task Both_nodes_wake_for_a_publish_time_but_each_item_is_published_once_and_a_node_that_never_saw_the_commit_fires_it()
    {
        var nodeA = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, Settings = Settings });
        var nodeB = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, RunId = nodeA.RunId, Settings = Settings });
        try
        {
            await nodeA.CreateTenantAsync("jadwal-dua");
            using var admin = nodeA.NewVisitor();
            await admin.SignInAsync(nodeA.Url("jadwal-dua"), "admin", TestEnvironment.AdminPassword);
            var together = DateTimeOffset.UtcNow.AddSeconds(10);
            for (var i = 1; i <= 6; i++)
                await ScheduleAsync(admin, nodeA.Url("jadwal-dua", "/admin/contents/create/Article"), $"Serentak {i}", $"berita/serentak-{i}", together);
            await Task.Delay(together - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5));
            var published = await PublishedByScheduleAsync(nodeA, "jadwal-dua");
            Assert.Equal(6, published.Count);
            Assert.All(published, p => Assert.Equal(1, p.Times));

            // Node A sets a time and goes down before it comes: node B, which saw no commit, fires it.
            var later = DateTimeOffset.UtcNow.AddSeconds(8);
            await ScheduleAsync(admin, nodeA.Url("jadwal-dua", "/admin/contents/create/Article"), "Hanya Simpul B", "berita/simpul-b", later);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await nodeA.App.StopAsync();
            await Task.Delay(later - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5));
            Assert.Equal(7, (await PublishedByScheduleAsync(nodeB, "jadwal-dua")).Count);
        }
        finally
        {
            await nodeB.DisposeAsync();
            await nodeA.DisposeAsync();
        }
    }

    private static async Task ScheduleAsync(SiteClient admin, Uri create, string title, string path, DateTimeOffset at)
    {
        var page = await admin.SubmitAsync(create, "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["BodyPart.Html"] = "<p>Terjadwal.</p>",
            ["AutoroutePart.Path"] = path,
            ["PublishLaterPart.ScheduledPublish"] = at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["submit"] = "draft",
        });
        Assert.Equal($"Draf '{title}' disimpan.", page.SuccessMessage);
    }

    /// <summary>Publications by the schedule, per item, from the PD's audit log in its schema (the test's own witness).</summary>
    private static async Task<List<(string Target, long Times)>> PublishedByScheduleAsync(TestSite site, string pd)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT target, COUNT(*) FROM t{site.RunId}_{pd.Replace('-', '_')}.spbe_audit WHERE action = 'content.published' AND user_name = 'jadwal' GROUP BY target", connection);
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }
}
