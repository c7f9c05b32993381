using System.Net;
using Microsoft.Extensions.DependencyInjection;
using static OrchardSpbe.Notifications.Tests.NotificationSites;

namespace OrchardSpbe.Notifications.Tests;

/// <summary>
/// Something needs a PD head (a news item to approve): the head finds it in the admin's notification list and
/// in their mailbox, with a link to the item on the PD's own site; nobody else sees it.
/// </summary>
public abstract class NotificationsTests(NotifyingSite fixture)
{
    private static readonly Notification Approval =
        new("Berita menunggu persetujuan", "Penulis mengajukan berita 'Posyandu Balita' untuk ditinjau.", "/admin/contents/abc123/edit");

    private TestSite Site => fixture.Site;
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task The_notified_user_sees_it_unread_with_a_badge_and_opening_it_marks_it_read_and_goes_to_its_page()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        using var head = await Site.AddUserAsync(pd, admin, "kepala", "Reviewer");
        using var author = await Site.AddUserAsync(pd, admin, "penulis", "Author");

        await Site.NotifyAsync(pd, ["kepala"], Approval);

        var list = await Site.ListAsync(pd, head);
        Assert.Equal("Notifikasi", list.Heading);
        var item = Assert.Single(Items(list));
        Assert.Equal(("Berita menunggu persetujuan", "Penulis mengajukan berita 'Posyandu Balita' untuk ditinjau.", true),
            (item.Subject, item.Body, item.Unread));
        Assert.Equal(1, Badge(list));
        Assert.Equal(1, Badge(await head.OpenAsync(Site.Url(pd, "/admin"))));

        // Opening it is a plain link: it marks it read and goes to the item's editor on this site.
        using var opened = await head.GetAsync(Site.Url(pd, item.Href));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/admin/contents/abc123/edit", opened.Headers.Location?.OriginalString);

        var after = await Site.ListAsync(pd, head);
        Assert.False(Assert.Single(Items(after)).Unread);
        Assert.Null(Badge(after));
        Assert.Equal("Semua notifikasi sudah dibaca.", after.Document.QuerySelector("p.hint")?.TextContent.Trim());
    }

    [Fact]
    public async Task Another_user_neither_sees_nor_opens_someone_elses_notification()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        using var head = await Site.AddUserAsync(pd, admin, "kepala", "Reviewer");
        using var author = await Site.AddUserAsync(pd, admin, "penulis", "Author");
        await Site.NotifyAsync(pd, ["kepala"], Approval);
        var href = Assert.Single(Items(await Site.ListAsync(pd, head))).Href;

        var authorsList = await Site.ListAsync(pd, author);
        Assert.Empty(Items(authorsList));
        Assert.Equal("Belum ada notifikasi.", authorsList.Document.QuerySelector("main p.muted")?.TextContent.Trim());
        Assert.Null(Badge(authorsList));
        Assert.Empty(Items(await Site.ListAsync(pd, admin)));

        // Guessing the address does not help, and does not mark it read for its owner.
        using var guessed = await author.GetAsync(Site.Url(pd, href));
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.True(Assert.Single(Items(await Site.ListAsync(pd, head))).Unread);

        // A visitor who is not signed in is sent to the sign-in page.
        using var visitor = Site.NewVisitor();
        using var anonymous = await visitor.GetAsync(Site.Url(pd, ListPath));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/login", anonymous.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Marking_all_read_clears_the_badge()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        await Site.NotifyAsync(pd, ["admin"], Approval);
        await Site.NotifyAsync(pd, ["admin"], new Notification("Jadwal data bulanan", "Data statistik bulan ini jatuh tempo.", null));

        var list = await Site.ListAsync(pd, admin);
        Assert.Equal(["Jadwal data bulanan", "Berita menunggu persetujuan"], Items(list).Select(i => i.Subject));
        Assert.Equal(2, Badge(list));

        var marked = await list.SubmitAsync(admin, "form[action='/admin/notifications/read-all']", new Dictionary<string, string>());
        Assert.Equal("2 notifikasi ditandai sudah dibaca.", marked.SuccessMessage);
        Assert.All(Items(marked), i => Assert.False(i.Unread));
        Assert.Null(Badge(marked));
        Assert.Null(marked.Document.QuerySelector("form[action='/admin/notifications/read-all']"));
    }

    [Fact]
    public async Task The_list_shows_twenty_a_page_newest_first()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        for (var i = 1; i <= 25; i++) await Site.NotifyAsync(pd, ["admin"], new Notification($"Tugas {i}", "Mohon ditinjau.", null));

        var first = await Site.ListAsync(pd, admin);
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(i => $"Tugas {i}"), Items(first).Select(i => i.Subject));
        Assert.Equal("Halaman 1 dari 2", first.Document.QuerySelector("nav.pager span")?.TextContent.Trim());
        Assert.Equal(25, Badge(first));
        var second = await admin.OpenAsync(Site.Url(pd, first.Document.QuerySelector("nav.pager a")!.GetAttribute("href")!));
        Assert.Equal(["Tugas 5", "Tugas 4", "Tugas 3", "Tugas 2", "Tugas 1"], Items(second).Select(i => i.Subject));
    }

    [Fact]
    public async Task The_email_reaches_the_user_with_the_subject_and_the_absolute_link_on_the_pd_site()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        using var head = await Site.AddUserAsync(pd, admin, "kepala", "Reviewer");

        await Site.NotifyAsync(pd, ["kepala"], Approval);

        var mail = await Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == EmailOf(pd, "kepala")));
        Assert.Equal("Berita menunggu persetujuan", mail.Subject);
        Assert.Equal(EmailOf(pd, "kepala"), Assert.Single(mail.To.Mailboxes).Address);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("Dinas Uji " + pd, "noreply@bekasikota.go.id"), (from.Name, from.Address));
        var link = $"https://{pd}.bekasikota.go.id/admin/contents/abc123/edit";
        Assert.Contains("Penulis mengajukan berita 'Posyandu Balita' untuk ditinjau.", mail.TextBody);
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"<a href=\"{link}\">", mail.HtmlBody);
        Assert.Contains("Email ini dikirim otomatis oleh Dinas Uji " + pd, mail.TextBody);
        Assert.Single(Sink.To(EmailOf(pd, "kepala")));
        // Marked sent, so no sweep sends it again.
        var row = Assert.Single(await Site.WaitForOutboxAsync(pd, rows => rows.All(r => r.SentUtc is not null)));
        Assert.Equal((1, null), (row.Attempts, row.LastError));
    }

    [Fact]
    public async Task A_rolled_back_change_notifies_no_one()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        using var head = await Site.AddUserAsync(pd, admin, "kepala", "Reviewer");

        await Site.NotifyAsync(pd, ["kepala"], new Notification("Dibatalkan", "Perubahan ini tidak pernah disimpan.", null), commit: false);
        await Site.NotifyAsync(pd, ["kepala"], Approval);

        // The outbox sends in order, so once the later e-mail is here the earlier one would be too.
        await Sink.WaitForAsync(m => m.Subject == Approval.Subject && m.To.Mailboxes.Any(a => a.Address == EmailOf(pd, "kepala")));
        Assert.Equal([Approval.Subject], Sink.To(EmailOf(pd, "kepala")).Select(m => m.Subject));
        Assert.Equal([Approval.Subject], Items(await Site.ListAsync(pd, head)).Select(i => i.Subject));
    }

    [Fact]
    public async Task Unknown_and_disabled_users_are_skipped_and_a_link_off_the_site_is_dropped()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        using var head = await Site.AddUserAsync(pd, admin, "kepala", "Reviewer");

        await Site.NotifyAsync(pd, ["tidak-ada", "KEPALA", "kepala"], new Notification("Tautan luar", "Isi.", "https://contoh.example/jebakan"));

        var item = Assert.Single(Items(await Site.ListAsync(pd, head)));
        using var opened = await head.GetAsync(Site.Url(pd, item.Href));
        Assert.Equal(ListPath, opened.Headers.Location?.OriginalString);
        var mail = await Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == EmailOf(pd, "kepala")));
        Assert.DoesNotContain("contoh.example", mail.TextBody);
    }

    [Fact]
    public async Task An_email_to_an_outside_address_is_sent_with_the_sites_name()
    {
        var (pd, _) = await Site.SignedInPdAsync();
        var address = $"diskominfo-{pd}@bekasikota.go.id";

        await Site.InTenantAsync(pd, services =>
            services.GetRequiredService<INotifier>().EmailAsync([address], "Laporan bulanan", "Laporan statistik bulan November sudah diverifikasi."));

        var mail = await Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address));
        Assert.Equal("Laporan bulanan", mail.Subject);
        Assert.Contains("Laporan statistik bulan November sudah diverifikasi.", mail.TextBody);
        Assert.Equal("Dinas Uji " + pd, mail.From.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task A_site_that_switched_notifications_off_has_no_list_and_notifying_there_does_nothing()
    {
        var (pd, admin) = await Site.SignedInPdAsync();
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        // Workflows notify people, so they go first: a feature others depend on cannot be switched off alone.
        var workflowsOff = await features.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.Workflows/disable']", new Dictionary<string, string>());
        Assert.Equal("Fitur dinonaktifkan: Alur kerja.", workflowsOff.SuccessMessage);
        var off = await workflowsOff.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.Notifications/disable']", new Dictionary<string, string>());
        Assert.Equal("Fitur dinonaktifkan: Notifikasi.", off.SuccessMessage);
        Assert.Null(off.Document.QuerySelector($"nav.sidebar a[href='{ListPath}']"));

        // Callers (workflows) resolve INotifier on every site; here it neither fails nor writes anything.
        await Site.NotifyAsync(pd, ["admin"], Approval);
        await Site.InTenantAsync(pd, services => services.GetRequiredService<INotifier>().EmailAsync(["luar@bekasikota.go.id"], "Subjek", "Isi"));
        using var list = await admin.GetAsync(Site.Url(pd, ListPath));
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Empty(Sink.To(EmailOf(pd, "admin")));
    }
}

public sealed class NotificationsOnSqlite(NotifyingSqliteSite fixture) : NotificationsTests(fixture), IClassFixture<NotifyingSqliteSite>;

public sealed class NotificationsOnPostgres(NotifyingPostgresSite fixture) : NotificationsTests(fixture), IClassFixture<NotifyingPostgresSite>;
