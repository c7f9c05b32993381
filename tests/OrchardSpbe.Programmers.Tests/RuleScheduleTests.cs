using System.Net;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// 000 Pasal 15(3)–(5) run by schedule with nobody visiting: three meetings missed without a written reason give the
/// coordinator a warning task on the PD; the warning given there makes the member "diperingatkan" on the portal. Two
/// months with no report and no written reason open a removal proposal that goes Ketua → Pembina → Wali Kota, each
/// decision recorded, and the member is "diberhentikan". A proposal where the rule is not met is refused.
/// </summary>
public sealed class RuleScheduleTests
{
    [Fact]
    public async Task Missed_meetings_raise_a_warning_and_silent_months_open_a_removal_proposal_with_no_visitor()
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Programmers:ScheduleCheckInterval"] = "00:00:01" },
        });
        var desk = await ProgrammerDesk.OpenAsync(site);
        var today = DateOnly.FromDateTime(WibTime.ToWib(DateTimeOffset.UtcNow).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var silent = "Hadi Diam " + desk.Suffix;
        var fresh = "Indah Baru " + desk.Suffix;
        await desk.AppointAsync(await desk.PassSelectionAsync(silent, "junior-programmer", 2), thisMonth.AddMonths(-3).ToString("yyyy-MM-dd"));
        await desk.AppointAsync(await desk.PassSelectionAsync(fresh, "junior-programmer", 2), thisMonth.ToString("yyyy-MM-dd"));

        using var chair = await desk.ChairAsync();
        var members = (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/anggota"))).Document.QuerySelectorAll("tr[data-member]").ToList();
        var silentId = members.Single(r => r.TextContent.Contains(silent)).GetAttribute("data-member")!;
        var freshId = members.Single(r => r.TextContent.Contains(fresh)).GetAttribute("data-member")!;

        // An excuse without a written reason is refused.
        var meetings = desk.Portal("/admin/tim-programmer/rapat");
        var noReason = await chair.SubmitAsync(meetings, "form.meeting-form", new Dictionary<string, string>
        {
            ["heldOn"] = today.AddDays(-20).ToString("yyyy-MM-dd"), ["topic"] = "Rapat koordinasi", [$"hadir-{silentId}"] = "izin",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains(noReason.Errors, e => e.Contains("alasan tertulis"));

        // Three meetings: the silent member absent without a written reason each time; the other excused once, in writing.
        for (var i = 3; i >= 1; i--)
        {
            var fields = new Dictionary<string, string>
            {
                ["heldOn"] = today.AddDays(-7 * i).ToString("yyyy-MM-dd"), ["topic"] = $"Rapat koordinasi {i}", [$"hadir-{silentId}"] = "tanpa-keterangan",
            };
            if (i == 2) { fields[$"hadir-{freshId}"] = "izin"; fields[$"alasan-{freshId}"] = "Sakit, surat dokter terlampir."; }
            Assert.Empty((await chair.SubmitAsync(meetings, "form.meeting-form", fields)).Errors);
        }

        // With no visitor, the coordinator on the PD gets the warning task; giving it makes the member "diperingatkan".
        using var head = await desk.SignInAsync(desk.PlacementPd, "kepala");
        var reports = site.Url(desk.PlacementPd, "/admin/tim-programmer/laporan");
        await ProgrammerDesk.WaitUntilAsync(async () => (await head.OpenAsync(reports)).Document.QuerySelector("form.warning-form") is not null,
            "No warning task reached the coordinator.");
        var task = (await head.OpenAsync(reports)).Document.QuerySelector("form.warning-form")!;
        Assert.Contains(silent, task.TextContent);
        Assert.Contains("Pasal 15 ayat 3", task.TextContent);
        Assert.Single((await head.OpenAsync(reports)).Document.QuerySelectorAll("form.warning-form"));
        var warned = await head.SubmitAsync(reports, "form.warning-form", new Dictionary<string, string> { ["note"] = "Peringatan pertama: hadiri rapat tim." });
        Assert.Empty(warned.Errors);
        await ProgrammerDesk.WaitUntilAsync(async () =>
            (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/anggota"))).Document.QuerySelector($"tr[data-member='{silentId}']")?.GetAttribute("data-status") == "diperingatkan",
            "The member's status did not follow the coordinator's warning.");

        // Two silent months (the two before this one) open a removal proposal for the Ketua; none for the member who began this month.
        var cases = desk.Portal("/admin/tim-programmer/kasus");
        await ProgrammerDesk.WaitUntilAsync(async () =>
            (await chair.OpenAsync(cases)).Document.QuerySelector($"tr[data-member='{silentId}'][data-kind='pemberhentian']") is not null,
            "No removal proposal opened for two silent months.");
        // The Ketua proposes it; the Ketua cannot take the Pembina's step; the Pembina forwards; the Wali Kota's decree removes the member.
        var proposal = $"tr[data-member='{silentId}'][data-kind='pemberhentian'] form.case-form";
        var proposed = await chair.SubmitAsync(cases, proposal, new Dictionary<string, string> { ["decision"] = "ajukan", ["note"] = "Tidak aktif dua bulan." });
        Assert.Empty(proposed.Errors);
        var byChair = await chair.SubmitAsync(cases, proposal, new Dictionary<string, string> { ["decision"] = "teruskan" });
        Assert.Equal(HttpStatusCode.BadRequest, byChair.Status);
        using var patron = await desk.PatronAsync();
        Assert.Empty((await patron.SubmitAsync(cases, proposal, new Dictionary<string, string> { ["decision"] = "teruskan", ["note"] = "Diteruskan." })).Errors);
        var decree = await chair.SubmitAsync(cases, proposal, new Dictionary<string, string> { ["decision"] = "tetapkan", ["note"] = "Keputusan Wali Kota 800/Kep.909" });
        Assert.Empty(decree.Errors);
        var row = decree.Document.QuerySelector($"tr[data-member='{silentId}'][data-kind='pemberhentian']")!;
        Assert.Equal("selesai", row.GetAttribute("data-stage"));
        Assert.Equal(["ketua", "pembina", "wali-kota"], row.QuerySelectorAll("li[data-stage]").Select(li => li.GetAttribute("data-stage")!).ToArray());
        Assert.Equal("diberhentikan", (await chair.OpenAsync(desk.Portal("/admin/tim-programmer/anggota"))).Document.QuerySelector($"tr[data-member='{silentId}']")?.GetAttribute("data-status"));
        using var visitor = site.NewVisitor();
        Assert.DoesNotContain(silent, (await visitor.OpenAsync(desk.Portal("/tim-programmer"))).Html);

        // A proposal for the member whose rule is not met is refused with the reason, and nothing opens.
        var early = await chair.OpenAsync(cases);
        var token = early.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var response = await chair.Http.PostAsync(desk.Portal("/admin/tim-programmer/kasus/usul"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["memberId"] = freshId, ["__RequestVerificationToken"] = token }));
        var answer = await SiteClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Errors, e => e.Contains("belum terpenuhi"));
        Assert.Null(answer.Document.QuerySelector($"tr[data-member='{freshId}']"));
    }
}
