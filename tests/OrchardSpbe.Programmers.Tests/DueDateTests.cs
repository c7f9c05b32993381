using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// Due dates and late marks as for statistics (000 Pasal 20(1)): a monthly report is due on the 10th of the next month. With
/// nobody visiting, the member is reminded before a due date; a report filed after it is marked "terlambat"; a report missing
/// past its due date shows on the coordinator's list on the PD and, by the hand-over, to the Ketua on the portal. The removal
/// rule of 15(4) reads the same due dates: the month that has ended but is not yet due is not counted as silent.
/// </summary>
public sealed class DueDateTests
{
    [Fact]
    public async Task A_late_report_is_marked_a_missing_one_shows_on_the_lists_and_the_reminder_comes_with_no_visitor()
    {
        var clock = new TestClock();
        // 8 February 2027, 10.00 WIB: November's report was due 10 December, December's 10 January; January's is due in two days.
        clock.Set(new DateTimeOffset(2027, 2, 8, 10, 0, 0, TimeSpan.FromHours(7)));
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Programmers:ScheduleCheckInterval"] = "00:00:01" },
            Extend = spbe => spbe.Services.AddSingleton<TimeProvider>(clock),
        });
        var desk = await ProgrammerDesk.OpenAsync(site);
        var name = "Fajar Tepat " + desk.Suffix;
        await desk.AppointAsync(await desk.PassSelectionAsync(name, "junior-programmer", 2), "2026-11-01");

        using var head = await desk.SignInAsync(desk.PlacementPd, "kepala");
        var reports = site.Url(desk.PlacementPd, "/admin/tim-programmer/laporan");
        await ProgrammerDesk.WaitUntilAsync(async () => (await head.OpenAsync(reports)).Document.QuerySelectorAll("tr[data-member]").Any(r => r.TextContent.Contains(name)),
            "The member's placement never reached the PD.");
        Assert.Empty((await head.SubmitAsync(reports, "form.link-form", new Dictionary<string, string> { ["userName"] = "pemrogram" })).Errors);

        // With no visitor: the reminder for January (due 10 February) reaches the member.
        await ProgrammerDesk.WaitUntilAsync(async () => (await desk.NotificationsAsync(desk.PlacementPd, "pemrogram")).Contains("Laporan bulanan 2027-01 jatuh tempo"),
            "The member was never reminded of January's report.");

        // The coordinator's list: November and December are missing past due; January is not due yet.
        string? StateOf(AngleSharp.Dom.IDocument page, string period) =>
            page.QuerySelector($"table.due-marks tr[data-kind='bulanan'][data-period='{period}']")?.GetAttribute("data-due-state");
        var list = (await head.OpenAsync(reports)).Document;
        Assert.Equal("tidak-menyampaikan", StateOf(list, "2026-11"));
        Assert.Equal("tidak-menyampaikan", StateOf(list, "2026-12"));
        Assert.Null(StateOf(list, "2027-01"));

        // The removal rule counts the two months past due, not January, which has ended but is not yet due (15(4)).
        using var chair = await desk.ChairAsync();
        await ProgrammerDesk.WaitUntilAsync(async () => (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/kasus"))).Document
                .QuerySelectorAll("tr[data-kind='pemberhentian']").Any(r => r.TextContent.Contains(name)),
            "Two silent months past due opened no removal proposal.");
        var proposal = (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/kasus"))).Document.QuerySelectorAll("tr[data-kind='pemberhentian']").Single(r => r.TextContent.Contains(name));
        Assert.Contains("2026-11 dan 2026-12", proposal.TextContent);
        Assert.DoesNotContain("2027-01", proposal.TextContent);

        // December's report, filed now, is late; January's is on time.
        using var programmer = await desk.SignInAsync(desk.PlacementPd, "pemrogram");
        foreach (var period in new[] { "2026-12", "2027-01" })
        {
            var filed = await programmer.SubmitAsync(reports, "form.report-form", new Dictionary<string, string>
            {
                ["Kind"] = "bulanan", ["Period"] = period, ["Outputs"] = "Source code backend dan frontend", ["Summary"] = "Membangun modul layanan perizinan " + period,
            });
            Assert.Empty(filed.Errors);
        }
        var mine = (await programmer.OpenAsync(reports)).Document;
        var december = mine.QuerySelectorAll("tr[data-report]").Single(r => r.TextContent.Contains("perizinan 2026-12"));
        var january = mine.QuerySelectorAll("tr[data-report]").Single(r => r.TextContent.Contains("perizinan 2027-01"));
        Assert.Equal("terlambat", december.GetAttribute("data-due-state"));
        Assert.Contains("Terlambat", december.TextContent);
        Assert.Equal("tepat-waktu", january.GetAttribute("data-due-state"));

        list = (await head.OpenAsync(reports)).Document;
        Assert.Equal("tidak-menyampaikan", StateOf(list, "2026-11"));
        Assert.Equal("terlambat", StateOf(list, "2026-12"));

        // On the portal the Ketua sees the same marks, by the hand-over.
        var evaluations = desk.Portal("/admin/tim-programmer/evaluasi");
        await ProgrammerDesk.WaitUntilAsync(async () =>
        {
            var page = (await chair.OpenAsync(evaluations)).Document;
            return StateOf(page, "2026-11") == "tidak-menyampaikan" && StateOf(page, "2026-12") == "terlambat";
        }, "The late and missing marks never reached the Ketua on the portal.");
        Assert.Null(StateOf((await chair.OpenAsync(evaluations)).Document, "2027-01"));
    }
}
