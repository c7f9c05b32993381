using System.Net;
using Microsoft.Playwright;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// In Chromium, the approval every PD site ships: an author submits a news item; the PD head finds it under
/// "Tugas saya" and rejects it with a comment; the author reads the comment, edits and resubmits; the head
/// approves; the item is public on the PD site and the portal; the history shows every step; the head and the
/// author were e-mailed along the way.
/// </summary>
public sealed class ApprovalStoryTests(SqliteWorkflowSite fixture, ChromiumFixture chromium)
    : IClassFixture<SqliteWorkflowSite>, IClassFixture<ChromiumFixture>
{
    private TestSite Site => fixture.Site;
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task A_news_item_is_rejected_with_a_comment_revised_resubmitted_approved_and_published()
    {
        var team = await PdTeam.OpenAsync(Site, "cerita");
        var author = await SignInAsync(team, "penulis");
        var head = await SignInAsync(team, "kepala");

        // The author writes and submits.
        await author.GotoAsync(team.Url("/admin/contents/create/Article").ToString());
        await author.FillAsync("#TitlePart_Title", "Perbaikan Jalan Lingkungan");
        await author.ClickAsync("trix-editor#BodyPart_Html");
        await author.Keyboard.TypeAsync("Warga membangun jalan lingkungan bersama.");
        Assert.Equal(0, await author.Locator("button[name=submit][value=publish]").CountAsync());
        await author.ClickAsync("button[name=submit][value=submit]");
        await Assertions.Expect(author.Locator(".alert-success")).ToContainTextAsync("diajukan untuk ditinjau");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Menunggu persetujuan");
        var itemId = new Uri(author.Url).AbsolutePath.Split('/')[3];

        // The head is e-mailed, with the editor's address on the PD's own host.
        var toHead = await Sink.WaitForAsync(m => m.To.ToString().Contains(PdTeam.EmailOf(team.Pd, "kepala")) && (m.Subject ?? "").Contains("Perbaikan Jalan Lingkungan"));
        Assert.Equal("Perlu persetujuan: Perbaikan Jalan Lingkungan", toHead.Subject);
        Assert.Contains(team.Url($"/admin/contents/{itemId}/edit").ToString(), toHead.TextBody);

        // The head finds it under "Tugas saya" and rejects it with a comment.
        await head.GotoAsync(team.Url("/admin").ToString());
        await head.ClickAsync("nav >> text=Tugas saya");
        await head.ClickAsync(".task-list >> text=Tinjau: Perbaikan Jalan Lingkungan");
        await head.FillAsync("form:has(button:text('Tolak dengan catatan')) textarea", "Sebutkan lokasi RT dan RW yang diperbaiki.");
        await head.ClickAsync("button:text('Tolak dengan catatan')");
        await Assertions.Expect(head.Locator(".alert-success")).ToContainTextAsync("Tolak dengan catatan");

        // The author sees the comment in the editor, revises and resubmits.
        await author.ReloadAsync();
        await Assertions.Expect(author.Locator(".review-comment")).ToContainTextAsync("Sebutkan lokasi RT dan RW yang diperbaiki.");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Dikembalikan untuk perbaikan");
        await author.FillAsync("#TitlePart_Title", "Perbaikan Jalan Lingkungan RT 005 RW 002");
        await author.ClickAsync("button[name=submit][value=submit]");
        await Assertions.Expect(author.Locator(".review-panel")).ToContainTextAsync("Menunggu persetujuan");
        var toAuthor = await Sink.WaitForAsync(m => m.To.ToString().Contains(PdTeam.EmailOf(team.Pd, "penulis")) && (m.Subject ?? "").StartsWith("Dikembalikan"));
        Assert.Contains("Sebutkan lokasi RT dan RW yang diperbaiki.", toAuthor.TextBody);

        // The head approves from the editor's review panel.
        await head.GotoAsync(team.Url($"/admin/contents/{itemId}/edit").ToString());
        await head.ClickAsync(".review-panel button:text('Setujui')");
        await Assertions.Expect(head.Locator(".alert-success")).ToContainTextAsync("Setujui");

        // Public on the PD site and on the portal's home.
        using var visitor = Site.NewVisitor();
        var item = await visitor.OpenAsync(team.Url("/berita/perbaikan-jalan-lingkungan"));
        Assert.Equal(HttpStatusCode.OK, item.Status);
        Assert.Contains("Perbaikan Jalan Lingkungan RT 005 RW 002", item.Heading);
        Assert.Contains("Perbaikan Jalan Lingkungan RT 005 RW 002", (await visitor.OpenAsync(Site.Url(null))).Html);
        await Sink.WaitForAsync(m => m.To.ToString().Contains(PdTeam.EmailOf(team.Pd, "penulis")) && (m.Subject ?? "").StartsWith("Disetujui"));

        // The whole story, step by step, as the author sees it.
        await author.GotoAsync(team.Url($"/admin/workflows/items/{itemId}").ToString());
        var steps = await author.Locator(".history-list tbody td:nth-child(2)").AllInnerTextsAsync();
        string[] expected =
        [
            "Diajukan untuk ditinjau", "Beri tahu kepala perangkat daerah", "Tinjau oleh kepala perangkat daerah",
            "Beri tahu penulis: dikembalikan", "Menunggu perbaikan dan pengajuan ulang", "Menunggu perbaikan dan pengajuan ulang",
            "Beri tahu kepala perangkat daerah", "Tinjau oleh kepala perangkat daerah", "Terbitkan", "Beri tahu penulis: disetujui",
        ];
        Assert.Equal(expected, steps.Select(s => s.Split(" (")[0].Trim()));
        var rows = await author.Locator(".history-list tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("tolak") && r.Contains("kepala") && r.Contains("Sebutkan lokasi RT dan RW yang diperbaiki."));
        Assert.Contains(rows, r => r.Contains("setujui") && r.Contains("kepala"));
    }

    private async Task<IPage> SignInAsync(PdTeam team, string userName)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(team.Url("/admin/login").ToString());
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", PdTeam.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }
}
