using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// The compliance board of 001 Pasal 20(6) over one month, with no visitor on the site: the reminder arrives when the
/// last week begins; after the month ends a PD that delivered nothing is marked "tidak menyampaikan" (and told);
/// one that delivers afterwards becomes "terlambat"; one that delivered in time is "tepat waktu". The board exports
/// and the reprimand list follow.
/// </summary>
public sealed class ComplianceTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task The_board_shows_on_time_late_and_not_delivered_and_the_reminder_and_marks_come_by_themselves()
    {
        var clock = new TestClock();
        var real = DateTimeOffset.UtcNow.ToOffset(Wib);
        var month = new DateTimeOffset(real.Year, real.Month, 1, 0, 0, 0, Wib).AddMonths(1);
        var monthCode = month.ToString("yyyy-MM");
        // The last week of next month (the PDs created today owe it), 10.00 WIB.
        clock.Set(month.AddMonths(1).AddDays(-6).AddHours(10));
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Statistics:DeadlineCheckInterval"] = "00:00:01" },
            Extend = spbe => spbe.Services.AddSingleton<TimeProvider>(clock),
        });
        var onTime = await StatisticsDesk.OpenAsync(site, "tepat");
        var silent = await StatisticsDesk.OpenAsync(site, "diam");
        var late = await StatisticsDesk.OpenAsync(site, "telat");

        // The reminder reaches every data officer with nobody visiting.
        foreach (var desk in new[] { onTime, silent, late })
            await StatisticsDesk.WaitUntilAsync(async () => (await NotificationsAsync(desk, "petugas")).Contains("Pekan penyampaian statistik"),
                $"No reminder for {desk.Pd}.");

        var indicator = await onTime.CreateIndicatorAsync("DBD-KASUS", "Kasus DBD");
        using (var officer = await onTime.OfficerAsync())
        {
            await onTime.ImportAsync(officer, indicator, StatisticsDesk.MonthlyCsv(month.Year - 1, (m, _) => m));
            Assert.Empty((await onTime.SubmitMonthAsync(officer, monthCode, "Tepat waktu")).Errors);
        }
        await AcceptAsync(onTime);

        // The month ends; two days later the board marks the silent PDs by itself.
        clock.Set(month.AddMonths(1).AddDays(1).AddHours(10));
        await StatisticsDesk.WaitUntilAsync(async () => (await NotificationsAsync(silent, "petugas")).Contains("Tidak menyampaikan"),
            "The PD that delivered nothing was never told it is marked.");
        var board = await BoardAsync(onTime, month);
        Assert.Equal("tepat-waktu", board[onTime.Pd]);
        Assert.Equal("tidak-menyampaikan", board[silent.Pd]);
        Assert.Equal("tidak-menyampaikan", board[late.Pd]);

        // The late PD delivers now: it becomes "terlambat", and is told so.
        using (var officer = await late.OfficerAsync())
        {
            var sent = await late.SubmitMonthAsync(officer, monthCode, "Terlambat");
            Assert.Empty(sent.Errors);
        }
        await AcceptAsync(late);
        board = await BoardAsync(onTime, month);
        Assert.Equal("terlambat", board[late.Pd]);
        await StatisticsDesk.WaitUntilAsync(async () =>
            (await (await late.OfficerAsync()).OpenAsync(late.Url("/admin/statistik/penyampaian"))).Document.QuerySelector($"li[data-month='{monthCode}']")?.GetAttribute("data-mark") == "terlambat",
            "The late PD's own history does not show the mark.");

        using var verifier = await onTime.VerifierAsync();
        var csv = await verifier.Http.GetStringAsync(onTime.PortalUrl($"/admin/statistik/kepatuhan/ekspor.csv?tahun={month.Year}"));
        Assert.Contains(silent.Pd, csv);
        Assert.Contains("Tidak menyampaikan", csv);
        var xlsx = await verifier.Http.GetByteArrayAsync(onTime.PortalUrl($"/admin/statistik/kepatuhan/ekspor.xlsx?tahun={month.Year}"));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Terlambat", rows.Single(r => (string)r["kode_pd"] == late.Pd)[monthCode]);

        var reprimands = await verifier.OpenAsync(onTime.PortalUrl($"/admin/statistik/kepatuhan/teguran?bulan={monthCode}"));
        var listed = reprimands.Document.QuerySelectorAll("tr[data-pd]").Select(r => r.GetAttribute("data-pd")).ToList();
        Assert.Contains(silent.Pd, listed);
        Assert.Contains(late.Pd, listed);
        Assert.DoesNotContain(onTime.Pd, listed);
    }

    private static async Task AcceptAsync(StatisticsDesk desk)
    {
        using var verifier = await desk.VerifierAsync();
        var review = await verifier.OpenAsync(await desk.WaitForInboundAsync(verifier));
        var accepted = await review.SubmitAsync(verifier, "form[action$='/terima']", new Dictionary<string, string>());
        Assert.Equal("diterima", accepted.Document.QuerySelector(".submission-state")?.GetAttribute("data-state"));
    }

    private static async Task<Dictionary<string, string>> BoardAsync(StatisticsDesk desk, DateTimeOffset month)
    {
        using var verifier = await desk.VerifierAsync();
        var board = await verifier.OpenAsync(desk.PortalUrl($"/admin/statistik/kepatuhan?tahun={month.Year}"));
        return board.Document.QuerySelectorAll("tr[data-pd]").ToDictionary(
            r => r.GetAttribute("data-pd")!,
            r => r.QuerySelector($"td[data-month='{month:yyyy-MM}']")?.GetAttribute("data-state") ?? "");
    }

    private static async Task<string> NotificationsAsync(StatisticsDesk desk, string userName)
    {
        using var officer = await desk.OfficerAsync(userName);
        return (await officer.OpenAsync(desk.Url("/admin/notifications"))).Document.QuerySelector(".notifications")?.TextContent ?? "";
    }
}
