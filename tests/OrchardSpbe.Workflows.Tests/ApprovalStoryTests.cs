using System.Net;
using Microsoft.Playwright;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// In Chromium, the approval every PD site ships, as a PD team lives it (issue 16): an author submits a news item and
/// then changes it — the submission is withdrawn and the head, still looking at the old text, cannot approve it. The
/// author resubmits; the head reads the submitted version on the task page and sends it back with a note; the author
/// finds it under "Perlu perbaikan", fixes and resubmits; the head approves and is back in "Tugas saya". The item is
/// public, its approval panel says who approved it, and the history reads as the story, by display name and in WIB.
/// </summary>
public sealed class ApprovalStoryTests(SqliteWorkflowSite fixture, ChromiumFixture chromium)
    : IClassFixture<SqliteWorkflowSite>, IClassFixture<ChromiumFixture>
{
    private TestSite Site => fixture.Site;
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task A_news_item_edited_after_submission_is_withdrawn_then_returned_with_a_note_revised_resubmitted_and_approved()
    {
        var team = await PdTeam.OpenAsync(Site, "cerita");
        var author = await team.SignInAsync(chromium, "penulis");
        var head = await team.SignInAsync(chromium, "kepala");

        // The author writes and submits; Authors are offered neither a publish button nor a publish schedule.
        await author.GotoAsync(team.Url("/admin/contents/create/Article").ToString());
        Assert.Equal(0, await author.Locator("button[name=submit][value=publish]").CountAsync());
        Assert.Equal(0, await author.Locator("input[name='PublishLaterPart.ScheduledPublish'][type=datetime-local]").CountAsync());
        await author.FillAsync("#TitlePart_Title", "Perbaikan Jalan Lingkungan");
        await author.ClickAsync("trix-editor#BodyPart_Html");
        await author.Keyboard.TypeAsync("Warga membangun jalan lingkungan bersama.");
        await author.ClickAsync("button[name=submit][value=submit]");
        await Assertions.Expect(author.Locator(".alert-success")).ToContainTextAsync("diajukan untuk ditinjau");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Menunggu persetujuan");
        var itemId = new Uri(author.Url).AbsolutePath.Split('/')[3];
        var toHead = await Sink.WaitForAsync(m => m.To.ToString().Contains(PdTeam.EmailOf(team.Pd, "kepala")) && (m.Subject ?? "").Contains("Perbaikan Jalan Lingkungan"));
        Assert.Equal("Perlu persetujuan: Perbaikan Jalan Lingkungan", toHead.Subject);

        // The head opens the task: the submitted text as the public will see it; nothing is public yet.
        await head.GotoAsync(team.Url("/admin").ToString());
        await head.ClickAsync("nav >> text=Tugas saya");
        await head.ClickAsync(".task-list >> text=Tinjau: Perbaikan Jalan Lingkungan");
        await Assertions.Expect(head.Locator(".version-preview")).ToContainTextAsync("Warga membangun jalan lingkungan bersama.");
        await Assertions.Expect(head.Locator(".version-changes")).ToContainTextAsync("Belum ada versi yang terbit");
        Assert.Equal(1, await head.Locator("form.decision-form textarea").CountAsync());

        // Meanwhile the author changes the text: the submission is withdrawn, and the author sees it.
        await author.ClickAsync("trix-editor#BodyPart_Html");
        await author.Keyboard.PressAsync("End");
        await author.Keyboard.TypeAsync(" Anggaran Rp 5 miliar.");
        await author.ClickAsync("button[name=submit][value=draft]");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Pengajuan ditarik");
        await Assertions.Expect(author.Locator("button[name=submit][value=submit]")).ToHaveTextAsync("Ajukan untuk ditinjau");

        // The head, still looking at the first text, approves: refused, and nothing goes public.
        await head.ClickAsync("form.decision-form button:text('Setujui')");
        await Assertions.Expect(head.Locator(".alert-error")).ToContainTextAsync("diubah setelah diajukan");
        using (var visitor = Site.NewVisitor())
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(team.Url("/berita/perbaikan-jalan-lingkungan"))).StatusCode);

        // The author submits the new text; the head reads it and sends it back with one note, and is back in "Tugas saya".
        await author.ClickAsync("button[name=submit][value=submit]");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Menunggu persetujuan");
        await head.GotoAsync(team.Url("/admin/tasks").ToString());
        await head.ClickAsync(".task-list >> text=Tinjau: Perbaikan Jalan Lingkungan");
        await Assertions.Expect(head.Locator(".version-preview")).ToContainTextAsync("Anggaran Rp 5 miliar.");
        await head.FillAsync("form.decision-form textarea", "Sebutkan lokasi RT dan RW yang diperbaiki.");
        await head.ClickAsync("form.decision-form button:text('Tolak dengan catatan')");
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/admin/tasks"));
        await Assertions.Expect(head.Locator(".alert-success")).ToContainTextAsync("Tolak dengan catatan");

        // The author finds it in their own "Tugas saya", with the note, fixes the title and resubmits.
        await author.GotoAsync(team.Url("/admin/tasks").ToString());
        await Assertions.Expect(author.Locator(".returned-items")).ToContainTextAsync("Sebutkan lokasi RT dan RW yang diperbaiki.");
        await Assertions.Expect(author.Locator(".returned-items")).ToContainTextAsync("Budi Santoso");
        await author.ClickAsync(".returned-items >> text=Perbaikan Jalan Lingkungan");
        await Assertions.Expect(author.Locator(".review-comment")).ToContainTextAsync("Sebutkan lokasi RT dan RW yang diperbaiki.");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Dikembalikan untuk perbaikan");
        await author.FillAsync("#TitlePart_Title", "Perbaikan Jalan Lingkungan RT 005 RW 002");
        await author.ClickAsync("button[name=submit][value=submit]");
        await Assertions.Expect(author.Locator(".alert-success")).ToContainTextAsync("'Perbaikan Jalan Lingkungan RT 005 RW 002' diajukan untuk ditinjau");
        await Assertions.Expect(author.Locator(".review-comment.answered")).ToContainTextAsync("sudah dijawab");
        var toAuthor = await Sink.WaitForAsync(m => m.To.ToString().Contains(PdTeam.EmailOf(team.Pd, "penulis")) && (m.Subject ?? "").StartsWith("Dikembalikan"));
        Assert.Contains("Sebutkan lokasi RT dan RW yang diperbaiki.", toAuthor.TextBody);
        Assert.Contains("Budi Santoso mengembalikan", toAuthor.TextBody);

        // The head approves on the task page and returns to "Tugas saya" with a confirmation naming the new title.
        await head.GotoAsync(team.Url("/admin/tasks").ToString());
        await head.ClickAsync(".task-list >> text=Tinjau: Perbaikan Jalan Lingkungan RT 005 RW 002");
        await head.ClickAsync("form.decision-form button:text('Setujui')");
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/admin/tasks"));
        await Assertions.Expect(head.Locator(".alert-success")).ToContainTextAsync("Perbaikan Jalan Lingkungan RT 005 RW 002");

        // Public on the PD site and the portal; the approval panel says who approved, when.
        using (var visitor = Site.NewVisitor())
        {
            var item = await visitor.OpenAsync(team.Url("/berita/perbaikan-jalan-lingkungan"));
            Assert.Equal(HttpStatusCode.OK, item.Status);
            Assert.Contains("Perbaikan Jalan Lingkungan RT 005 RW 002", item.Heading);
            Assert.Contains("Anggaran Rp 5 miliar.", item.Html);
            Assert.Contains("Perbaikan Jalan Lingkungan RT 005 RW 002", (await visitor.OpenAsync(Site.Url(null))).Html);
        }
        await author.GotoAsync(team.Url($"/admin/contents/{itemId}/edit").ToString());
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Disetujui");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("oleh Budi Santoso pada");

        // The history: one row per human act, by display name, in WIB; no technical steps for the author.
        await author.GotoAsync(team.Url($"/admin/workflows/items/{itemId}").ToString());
        var acts = await author.Locator(".history-list tbody td:nth-child(2)").AllInnerTextsAsync();
        string[] expected =
        [
            "Diajukan", "Pengajuan ditarik karena konten diubah setelah diajukan", "Diajukan",
            "Dikembalikan dengan catatan", "Diajukan ulang", "Disetujui",
        ];
        Assert.Equal(expected, acts.Select(a => a.Trim()));
        var people = await author.Locator(".history-list tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(["Sari Penulis", "Sari Penulis", "Sari Penulis", "Budi Santoso", "Sari Penulis", "Budi Santoso"], people.Select(p => p.Trim()));
        Assert.All(await author.Locator(".history-list tbody td:nth-child(1)").AllInnerTextsAsync(), time => Assert.EndsWith("WIB", time.Trim()));
        var rows = await author.Locator(".history-list tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("Dikembalikan dengan catatan") && r.Contains("Sebutkan lokasi RT dan RW yang diperbaiki."));
        Assert.Equal(0, await author.Locator(".history-detail").CountAsync());
        Assert.DoesNotContain("Done", await author.Locator("main").InnerTextAsync());

        // An administrator can open the technical steps behind "detail".
        var admin = await team.SignInAsync(chromium, "admin", TestEnvironment.AdminPassword);
        await admin.GotoAsync(team.Url($"/admin/workflows/items/{itemId}").ToString());
        await admin.ClickAsync(".history-detail summary");
        await Assertions.Expect(admin.Locator(".history-steps")).ToContainTextAsync("Terbitkan");
        Assert.DoesNotContain("Done", await admin.Locator("main").InnerTextAsync());
    }
}
