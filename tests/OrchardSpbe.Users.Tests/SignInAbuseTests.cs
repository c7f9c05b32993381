using System.Diagnostics;
using System.Net;

namespace OrchardSpbe.Users.Tests;

/// <summary>
/// Issue 15, finding 10: an anonymous brute force against "admin" must never keep the real administrator
/// out, must not tell which user names exist, and must reach the administrators as an alert.
/// </summary>
public sealed class SignInAbuseTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_scripted_brute_force_against_admin_does_not_keep_the_real_administrator_out()
    {
        await Site.CreateTenantAsync("abuse-a");
        using var attacker = Site.NewVisitorFrom("127.0.0.66");
        var answers = new List<HttpStatusCode>();
        // More than the old lockout (5) and than the alert threshold (20), as fast as the server answers.
        for (var i = 0; i < 30; i++) answers.Add((await attacker.SignInAsync(Site.Url("abuse-a"), "admin", "tebakan-" + i)).Status);
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.DoesNotContain(answers, s => (int)s >= 500);

        // The real administrator, at the office, signs in at once with the right password.
        using var administrator = Site.NewVisitorFrom("127.0.0.10");
        var stopwatch = Stopwatch.StartNew();
        var dashboard = await administrator.SignInAsync(Site.Url("abuse-a"), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", dashboard.Heading);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"sign-in took {stopwatch.Elapsed}");

        // ...and is told about the attack: an audit entry and a notification.
        var audit = await administrator.OpenAsync(Site.Url("abuse-a", "/admin/audit"));
        Assert.Contains("user.brute-force", audit.Html);
        var notifications = await administrator.OpenAsync(Site.Url("abuse-a", "/admin/notifications"));
        Assert.Contains("Percobaan masuk berulang terdeteksi", notifications.Html);
    }

    [Fact]
    public async Task The_answers_do_not_tell_whether_a_user_name_exists()
    {
        await Site.CreateTenantAsync("abuse-b");
        using var prober = Site.NewVisitorFrom("127.0.0.67");
        var existing = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 7; i++)
        {
            existing.Add(Answer(await prober.SignInAsync(Site.Url("abuse-b"), "admin", "salah-" + i)));
            unknown.Add(Answer(await prober.SignInAsync(Site.Url("abuse-b"), "bukan-pengguna", "salah-" + i)));
        }
        // Same statuses and the same messages, attempt by attempt (the wait in seconds may differ by one).
        Assert.Equal(existing, unknown);
        Assert.Contains(existing, a => a.Item1 == HttpStatusCode.TooManyRequests);
    }

    private static (HttpStatusCode, string) Answer(Page page) =>
        (page.Status, System.Text.RegularExpressions.Regex.Replace(string.Join("|", page.Errors), "[0-9]+", "N"));
}
