using System.Net;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// 000 Pasal 15(1)–(2), 20: the member is appointed and placed at a PD; they file a monthly report there, listing their
/// role's outputs; a report for a month outside the term is refused; only the coordinator (the PD head) may evaluate it;
/// the evaluation travels by the hand-over to the portal, where the Ketua sees it; an extension needs it to be positive.
/// </summary>
public sealed class ReportStoryTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_monthly_report_is_evaluated_by_the_coordinator_and_the_Ketua_sees_it_on_the_portal()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        var name = "Gilang Pelapor " + desk.Suffix;
        var id = await desk.PassSelectionAsync(name, "junior-programmer", 2);
        var today = DateOnly.FromDateTime(WibTime.ToWib(DateTimeOffset.UtcNow).DateTime);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        await desk.AppointAsync(id, start.ToString("yyyy-MM-dd"));

        // The placement reaches the PD by the hand-over; the coordinator links the member's account there.
        using var head = await desk.SignInAsync(desk.PlacementPd, "kepala");
        var reports = fixture.Site.Url(desk.PlacementPd, "/admin/tim-programmer/laporan");
        await ProgrammerDesk.WaitUntilAsync(async () => (await head.OpenAsync(reports)).Document.QuerySelectorAll("tr[data-member]").Any(r => r.TextContent.Contains(name)),
            "The member's placement never reached the PD.");
        var linked = await head.SubmitAsync(reports, "form.link-form", new Dictionary<string, string> { ["userName"] = "pemrogram" });
        Assert.Empty(linked.Errors);

        // Before any evaluation the Ketua cannot extend the term.
        using var chair = await desk.ChairAsync();
        var memberId = (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/anggota"))).Document.QuerySelectorAll("tr[data-member]").Single(r => r.TextContent.Contains(name)).GetAttribute("data-member")!;
        var early = await chair.SubmitAsync(desk.Portal("/admin/tim-programmer/anggota"), $"form[action$='/{memberId}/perpanjang']", new Dictionary<string, string> { ["decreeNumber"] = "800/Kep.303" });
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Contains(early.Errors, e => e.Contains("evaluasi kinerja yang baik"));

        using var programmer = await desk.SignInAsync(desk.PlacementPd, "pemrogram");
        var lastMonth = start.AddMonths(1).ToString("yyyy-MM");
        var outside = await programmer.SubmitAsync(reports, "form.report-form", new Dictionary<string, string>
        {
            ["Kind"] = "bulanan", ["Period"] = start.AddMonths(-1).ToString("yyyy-MM"), ["Outputs"] = "Source code backend dan frontend", ["Summary"] = "Membangun modul layanan perizinan.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Contains(outside.Errors, e => e.Contains("di luar masa tugas"));
        var filed = await programmer.SubmitAsync(reports, "form.report-form", new Dictionary<string, string>
        {
            ["Kind"] = "bulanan", ["Period"] = lastMonth, ["Outputs"] = "Source code backend dan frontend,API: hasil integrasi aplikasi", ["Summary"] = "Membangun modul layanan perizinan dan API-nya.",
        });
        Assert.Empty(filed.Errors);
        var reportId = filed.Document.QuerySelector("tr[data-report]")!.GetAttribute("data-report")!;
        var twice = await programmer.SubmitAsync(reports, "form.report-form", new Dictionary<string, string>
        {
            ["Kind"] = "bulanan", ["Period"] = lastMonth, ["Outputs"] = "Source code backend dan frontend", ["Summary"] = "Laporan yang sama sekali lagi.",
        });
        Assert.Contains(twice.Errors, e => e.Contains("sudah dikirim"));

        // Someone who is not the coordinator — the member, an author of the PD — is refused with the reason.
        foreach (var who in new[] { programmer, await desk.SignInAsync(desk.PlacementPd, "penulis") })
        {
            var page = await who.OpenAsync(reports);
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var response = await who.Http.PostAsync(fixture.Site.Url(desk.PlacementPd, $"/admin/tim-programmer/laporan/{reportId}/evaluasi"),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "baik", ["__RequestVerificationToken"] = token }));
            var refused = await SiteClient.ReadAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("Hanya koordinator"));
        }

        var evaluated = await head.SubmitAsync(reports, $"tr[data-report='{reportId}'] form.evaluation-form", new Dictionary<string, string> { ["rating"] = "baik", ["note"] = "Target bulan ini tercapai." });
        Assert.Equal("baik", evaluated.Document.QuerySelector($"tr[data-report='{reportId}']")?.GetAttribute("data-rating"));

        // On the portal: the Ketua is told and sees the evaluation; now the term can be extended.
        await ProgrammerDesk.WaitUntilAsync(async () => (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/evaluasi"))).Document.QuerySelector($"tr[data-report='{reportId}']") is not null,
            "The evaluation never reached the portal.");
        var row = (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/evaluasi"))).Document.QuerySelector($"tr[data-report='{reportId}']")!;
        Assert.Equal("baik", row.GetAttribute("data-rating"));
        Assert.Contains("Target bulan ini tercapai", row.TextContent);
        Assert.Contains("Evaluasi laporan " + name, await desk.NotificationsAsync(null, desk.ChairUser));

        // 20(4)–(5): a positive evaluation alone is not enough — the extension is refused until the Ketua's final report recommends it.
        var withoutReport = await chair.SubmitAsync(desk.Portal("/admin/tim-programmer/anggota"), $"form[action$='/{memberId}/perpanjang']", new Dictionary<string, string> { ["decreeNumber"] = "800/Kep.304" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReport.Status);
        Assert.Contains(withoutReport.Errors, e => e.Contains("laporan akhir Ketua Tim"));

        // The Ketua writes the year's final report: each member's conclusion beside their evaluation history, to the Pembina.
        var finalReports = desk.Portal("/admin/tim-programmer/laporan-akhir");
        var form = (await chair.OpenAsync(finalReports)).Document;
        var own = form.QuerySelector($"fieldset.final-member[data-member='{memberId}']")!;
        Assert.Contains("Baik", own.QuerySelector(".evaluation-history")!.TextContent);
        var fields = new Dictionary<string, string> { ["summary"] = "Tim Programmer menyelesaikan layanan perizinan dan integrasi API tahun ini." };
        var incomplete = await chair.SubmitAsync(finalReports, "form.final-report-form", fields);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains(incomplete.Errors, e => e.Contains("Pilih rekomendasi"));
        foreach (var member in form.QuerySelectorAll("fieldset.final-member").Select(f => f.GetAttribute("data-member")!))
        {
            fields[$"rekomendasi-{member}"] = member == memberId ? "perpanjang" : "tidak-diperpanjang";
            fields[$"kesimpulan-{member}"] = member == memberId ? "Evaluasi koordinator baik; target tercapai." : "Belum ada evaluasi yang cukup.";
        }
        var written = await chair.SubmitAsync(finalReports, "form.final-report-form", fields);
        Assert.Empty(written.Errors);
        var year = WibTime.ToWib(DateTimeOffset.UtcNow).Year;
        Assert.Equal(year.ToString(), written.Document.QuerySelector("article.final-report")?.GetAttribute("data-year"));

        // The Pembina is told, reads it (printable) and records receipt.
        Assert.Contains($"Laporan akhir Tim Programmer tahun {year}", await desk.NotificationsAsync(null, "pembina" + desk.Suffix));
        using var patron = await desk.PatronAsync();
        var shown = await patron.OpenAsync(desk.Portal($"/admin/tim-programmer/laporan-akhir/{year}"));
        Assert.Equal("perpanjang", shown.Document.QuerySelector($"tr[data-member='{memberId}']")?.GetAttribute("data-recommendation"));
        Assert.NotNull(shown.Document.QuerySelector("article.printable"));
        var received = await patron.SubmitAsync(desk.Portal($"/admin/tim-programmer/laporan-akhir/{year}"), "form.receive-form", new Dictionary<string, string>());
        Assert.Empty(received.Errors);
        Assert.Contains("Diterima Pembina", received.Document.QuerySelector(".receipt")!.TextContent);
        var extended = await chair.SubmitAsync(desk.Portal("/admin/tim-programmer/anggota"), $"form[action$='/{memberId}/perpanjang']", new Dictionary<string, string> { ["decreeNumber"] = "800/Kep.304" });
        Assert.Empty(extended.Errors);
        var end = start.AddYears(2).AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Equal(end, extended.Document.QuerySelector($"tr[data-member='{memberId}']")?.GetAttribute("data-end"));
    }
}
