using static OrchardSpbe.Notifications.Tests.NotificationSites;

namespace OrchardSpbe.Notifications.Tests;

/// <summary>
/// The city's mail server is down when a PD head is notified: the notification is in the admin at once, the
/// e-mail waits in the outbox, is retried, and arrives exactly once when the server is back — also when two
/// nodes sweep the same outbox.
/// </summary>
public sealed class MailServerDownTests
{
    [Fact]
    public async Task The_email_is_retried_and_arrives_once_when_the_mail_server_is_back()
    {
        await using var sink = SmtpSink.Create();
        await using var site = await TestSite.StartAsync(new TestSiteOptions { Settings = SettingsFor(sink) });
        var (pd, admin) = await site.SignedInPdAsync();
        using var head = await site.AddUserAsync(pd, admin, "kepala", "Reviewer");

        await site.NotifyAsync(pd, ["kepala"], new Notification("Berita menunggu persetujuan", "Mohon ditinjau.", "/admin/contents/x/edit"));

        Assert.True(Assert.Single(Items(await site.ListAsync(pd, head))).Unread);
        var waiting = await site.WaitForOutboxAsync(pd, rows => rows.Count == 1 && rows[0].Attempts >= 2);
        Assert.Null(waiting[0].SentUtc);
        Assert.False(string.IsNullOrEmpty(waiting[0].LastError));
        // The operators' health page says so: degraded (still 200: the platform serves), the e-mail counted as waiting.
        var down = await HealthAsync(site);
        Assert.Equal("Degraded", down.GetProperty("status").GetString());
        Assert.Equal("Degraded", down.GetProperty("entries").GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal(1, down.GetProperty("entries").GetProperty("smtp").GetProperty("data").GetProperty("waitingInOutbox").GetInt32());

        await sink.StartAsync();
        var mail = await sink.WaitForAsync(m => m.Subject == "Berita menunggu persetujuan");
        Assert.Equal(EmailOf(pd, "kepala"), mail.To.Mailboxes.Single().Address);
        await site.WaitForOutboxAsync(pd, rows => rows[0].SentUtc is not null);
        // A few more sweeps: nothing is sent again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(sink.Messages);
        var back = await HealthAsync(site);
        Assert.Equal("Healthy", back.GetProperty("entries").GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal(0, back.GetProperty("entries").GetProperty("smtp").GetProperty("data").GetProperty("waitingInOutbox").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> HealthAsync(TestSite site)
    {
        using var client = site.NewVisitor();
        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{site.Port}/health"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Two_nodes_sweeping_one_outbox_send_each_email_once()
    {
        await using var sink = SmtpSink.Create();
        var settings = SettingsFor(sink);
        await using var nodeA = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, Settings = settings });
        await using var nodeB = await TestSite.StartAsync(new TestSiteOptions
        {
            Provider = DatabaseProviderName.Postgres, UseRedis = true, RunId = nodeA.RunId, Settings = settings,
        });
        var (pd, _) = await nodeA.SignedInPdAsync();
        for (var i = 1; i <= 20; i++)
            await nodeA.NotifyAsync(pd, ["admin"], new Notification($"Tugas {i}", "Mohon ditinjau.", null));
        // Both nodes run the tenant and see its 20 waiting e-mails before the server comes up.
        await nodeA.WaitForOutboxAsync(pd, rows => rows.Count == 20 && rows.All(r => r.Attempts >= 1));
        await nodeB.WaitForOutboxAsync(pd, rows => rows.Count == 20);

        await sink.StartAsync();
        await nodeB.WaitForOutboxAsync(pd, rows => rows.All(r => r.SentUtc is not null), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var subjects = sink.Messages.Select(m => m.Subject).OrderBy(s => s).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Tugas {i}").OrderBy(s => s), subjects);
    }
}
