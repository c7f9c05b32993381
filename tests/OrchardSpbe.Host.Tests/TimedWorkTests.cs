using System.Net;

namespace OrchardSpbe.Host.Tests;

/// <summary>
/// Issue 17: background work runs when it is due, not on a poll of every tenant — and still with no visitor. Among
/// 200 tenants, a publish time, a workflow timer and an e-mail retry in a tenant nobody opens fire on time; and a
/// publish time that came while the host was down fires after its restart, before anyone visits.
/// </summary>
public sealed class TimedWorkTests
{
    private const string Pd = "sepi-150";

    [Fact]
    public async Task A_publish_time_a_workflow_timer_and_an_email_retry_fire_on_time_in_a_tenant_nobody_visits_among_200_and_after_a_restart()
    {
        // The mail server is down at first: the timer's e-mail fails once and is sent by its retry.
        await using var mail = SmtpSink.Create();
        var settings = new Dictionary<string, string?>(mail.Settings) { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Smtp:RetryDelay"] = "00:00:03" };
        var site = await TestSite.StartAsync(new TestSiteOptions { Settings = settings });
        try
        {
            await site.CreateTenantAsync("templat");
            await TenantClones.CloneAsync(site, "templat", Enumerable.Range(0, 199).Select(i => $"sepi-{i:000}"));
            Assert.Equal(201, site.Registry.All.Count);

            // The PD's admin sets everything up, then leaves: nobody opens the site again.
            var publishAt = DateTimeOffset.UtcNow.AddSeconds(12);
            var timerAt = DateTimeOffset.UtcNow.AddSeconds(14);
            using (var admin = site.NewVisitor())
            {
                await admin.SignInAsync(site.Url(Pd), "admin", TestEnvironment.AdminPassword);
                await ScheduleNewsAsync(admin, site.Url(Pd, "/admin/contents/create/Article"), "Berita Terjadwal", "berita/terjadwal", publishAt);
                var imported = await admin.SubmitAsync(site.Url(Pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = $$"""
                    { "name": "pengingat", "steps": [ { "name": "workflows", "workflows": [ {
                      "id": "pengingat", "name": "Pengingat data",
                      "activities": [
                        { "id": "jadwal", "type": "Timer", "title": "Setiap menit", "start": true, "cron": "{{timerAt.Second}} * * * * *" },
                        { "id": "kabari", "type": "Notify", "title": "Ingatkan admin", "users": ["admin"], "subject": "Kirim data bulan ini" }
                      ],
                      "transitions": [ { "from": "jadwal", "to": "kabari" } ] } ] } ] }
                    """ });
                Assert.Empty(imported.Errors);
            }

            await WaitUntilAsync(publishAt.AddSeconds(4));
            using (var visitor = site.NewVisitor())
                Assert.Equal("Berita Terjadwal", (await visitor.OpenAsync(site.Url(Pd, "/berita/terjadwal"))).Heading);

            // The timer fired (its first e-mail failed: no server); the server comes back and the retry delivers.
            await WaitUntilAsync(timerAt.AddSeconds(3));
            await mail.StartAsync();
            var sent = await mail.WaitForAsync(m => m.Subject.Contains("Kirim data bulan ini"), TimeSpan.FromSeconds(10));
            Assert.NotNull(sent);

            // A publish time set, then the host stops before it comes and starts again after: it fires with no visitor.
            var whileDown = DateTimeOffset.UtcNow.AddSeconds(8);
            using (var admin = site.NewVisitor())
            {
                await admin.SignInAsync(site.Url("sepi-077"), "admin", TestEnvironment.AdminPassword);
                await ScheduleNewsAsync(admin, site.Url("sepi-077", "/admin/contents/create/Article"), "Terbit Saat Mati", "berita/saat-mati", whileDown);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            await site.App.StopAsync();
            await WaitUntilAsync(whileDown.AddSeconds(1));
            Assert.False(await IsPublishedAsync(site, "sepi-077", "Terbit Saat Mati"));
            await using var restarted = await NodeProcess.StartAsync(site, null, "Spbe:Background:Tick=00:00:01");
            // The witness is the PD's own file: nobody opens the site until it is published.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (!await IsPublishedAsync(site, "sepi-077", "Terbit Saat Mati") && DateTime.UtcNow < deadline) await Task.Delay(200);
            using (var visitor = restarted.NewVisitor())
                Assert.Equal("Terbit Saat Mati", (await visitor.OpenAsync(restarted.Url("sepi-077", "/berita/saat-mati"))).Heading);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    private static async Task ScheduleNewsAsync(SiteClient admin, Uri create, string title, string path, DateTimeOffset at)
    {
        var page = await admin.SubmitAsync(create, "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["BodyPart.Html"] = "<p>Terbit sendiri.</p>",
            ["AutoroutePart.Path"] = path,
            ["PublishLaterPart.ScheduledPublish"] = at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["submit"] = "draft",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Draf '{title}' disimpan.", page.SuccessMessage);
    }

    private static async Task<bool> IsPublishedAsync(TestSite site, string pd, string title)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(site.AppData, "Sites", pd, "site.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM content_items WHERE published = 1 AND display_text = $title";
        command.Parameters.AddWithValue("$title", title);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task WaitUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
