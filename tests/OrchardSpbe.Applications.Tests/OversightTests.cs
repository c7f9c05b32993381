using System.Globalization;

namespace OrchardSpbe.Applications.Tests;

/// <summary>PD Mandiri TIK designation, the semester report and its board, governance assessments and the integration map.</summary>
public sealed class OversightTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_pd_mandiri_tik_designation_lets_that_pd_build_a_special_application()
    {
        var desk = await ApplicationsDesk.OpenAsync(fixture.Site, "diskes");
        using var officer = await desk.OfficerAsync();
        var khusus = ApplicationsDesk.Application("Aplikasi Khusus Puskesmas", $"https://khusus-{desk.Pd}.bekasikota.go.id", appClass: "khusus", builder: "pd-mandiri-tik");
        Assert.Contains("belum ditetapkan", (await desk.CreateAsync(officer, khusus)).FieldError("Builder"));

        var incomplete = await officer.SubmitAsync(desk.Url("/admin/aplikasi/mandiri-tik"), "form.mandiri-form", new Dictionary<string, string>
        {
            ["met:sdm-tik"] = "true", ["evidence:sdm-tik"] = "Tiga pranata komputer dan dua programmer.", ["proposal"] = "Mohon ditetapkan.",
        });
        Assert.Contains(incomplete.Errors, e => e.Contains("Kedua kriteria"));
        var proposed = await officer.SubmitAsync(desk.Url("/admin/aplikasi/mandiri-tik"), "form.mandiri-form", new Dictionary<string, string>
        {
            ["met:sdm-tik"] = "true", ["evidence:sdm-tik"] = "Tiga pranata komputer dan dua programmer.",
            ["met:pengalaman"] = "true", ["evidence:pengalaman"] = "Membangun dan mengelola SIMPUS sejak 2022.",
            ["proposal"] = "Mohon Dinkes ditetapkan sebagai PD Mandiri TIK.",
        });
        Assert.Empty(proposed.Errors);

        using var registrar = await desk.RegistrarAsync();
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await registrar.OpenAsync(desk.PortalUrl("/admin/aplikasi/mandiri-tik"))).Document.QuerySelector($"tr[data-pd='{desk.Pd}'][data-state='menunggu']") is not null,
            "The proposal never reached the portal.");
        var evaluation = await registrar.OpenAsync(desk.PortalUrl($"/admin/aplikasi/mandiri-tik/{desk.Pd}"));
        var noDate = await evaluation.SubmitAsync(registrar, "form.mandiri-decision", new Dictionary<string, string> { ["decision"] = "tetapkan", ["decree"] = "188.45/Kep.100-Diskominfostandi/2026" });
        Assert.Contains(noDate.Errors, e => e.Contains("tanggal penetapan"));
        var designated = await evaluation.SubmitAsync(registrar, "form.mandiri-decision", new Dictionary<string, string>
        {
            ["decision"] = "tetapkan", ["designatedOn"] = "2026-11-20", ["decree"] = "188.45/Kep.100-Diskominfostandi/2026",
        });
        Assert.Equal("ditetapkan", designated.Document.QuerySelector(".mandiri-state")!.GetAttribute("data-state"));

        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(desk.Url("/admin/aplikasi/mandiri-tik"))).Document.QuerySelector("tr[data-state='ditetapkan'] .designation")?.TextContent.Contains("2026-11-20") == true,
            "The designation never reached the PD.");
        var created = await desk.CreateAsync(officer, khusus);
        Assert.Empty(created.Errors);
        Assert.Contains("Aplikasi khusus", created.Html);
    }

    [Fact]
    public async Task The_semester_report_is_prefilled_and_a_pd_that_did_not_report_appears_on_the_board()
    {
        var site = fixture.Site;
        var reporting = await ApplicationsDesk.OpenAsync(site, "dinkop");
        var silent = await ApplicationsDesk.OpenAsync(site, "dispar");
        using var officer = await reporting.OfficerAsync();
        await reporting.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Koperasi", $"https://kop-{reporting.Pd}.bekasikota.go.id"));
        Assert.Empty((await officer.SubmitAsync(reporting.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", new Dictionary<string, string>
        {
            ["DeviceType"] = "router", ["Vendor"] = "MikroTik", ["Model"] = "CCR2004", ["Location"] = "Kantor", ["IpRanges"] = $"172.{Random.Shared.Next(16, 31)}.{Random.Shared.Next(0, 255)}.0/28", ["Status"] = "aktif",
        })).Errors);

        var report = await officer.OpenAsync(reporting.Url("/admin/aplikasi/laporan"));
        var counts = report.Document.QuerySelector(".report-counts")!;
        Assert.Equal("1", counts.GetAttribute("data-applications"));
        Assert.Equal("1", counts.GetAttribute("data-devices"));
        Assert.Contains("Aplikasi Koperasi", report.Document.QuerySelector(".report-applications")!.TextContent);
        var sent = await report.SubmitAsync(officer, "form.report-form", new Dictionary<string, string> { ["incidents"] = "Tidak ada insiden.", ["changes"] = "Router baru." });
        Assert.Empty(sent.Errors);

        var semester = (DateTime.UtcNow.AddHours(7).Month <= 6 ? "S1" : "S2");
        var year = DateTime.UtcNow.AddHours(7).Year.ToString(CultureInfo.InvariantCulture);
        using var registrar = await reporting.RegistrarAsync();
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await registrar.OpenAsync(reporting.PortalUrl("/admin/aplikasi/kepatuhan"))).Document.QuerySelector($"tr[data-pd='{reporting.Pd}'] td[data-semester='{year}-{semester}']")?.GetAttribute("data-state") == "melapor",
            "The report never reached the board.");
        var board = await registrar.OpenAsync(reporting.PortalUrl("/admin/aplikasi/kepatuhan"));
        Assert.Equal("belum", board.Document.QuerySelector($"tr[data-pd='{silent.Pd}'] td[data-semester='{year}-{semester}']")!.GetAttribute("data-state"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await registrar.OpenAsync(reporting.PortalUrl("/admin/aplikasi/kepatuhan/teguran"))).Status);
    }

    [Fact]
    public async Task An_assessment_is_recorded_and_charted_and_the_pd_aggregate_changes_and_the_integration_map_draws_the_call()
    {
        var site = fixture.Site;
        var provider = await ApplicationsDesk.OpenAsync(site, "dukcapil");
        var providerId = await BadInputTests.RegisteredAsync(provider, $"https://nik-{provider.Pd}.bekasikota.go.id", "Layanan NIK " + provider.Pd);
        using var registrar = await provider.RegistrarAsync();
        var register = await registrar.OpenAsync(provider.PortalUrl("/admin/aplikasi/register?state=terdaftar"));
        var number = register.Document.QuerySelector($"tr[data-pd='{provider.Pd}'][data-id='{providerId}']")!.Children[4].TextContent.Trim();
        var consumer = await ApplicationsDesk.OpenAsync(site, "disdik");
        var consumerId = await BadInputTests.RegisteredAsync(consumer, $"https://ppdb-{consumer.Pd}.bekasikota.go.id", "PPDB " + consumer.Pd, consumes: $"{number} verifikasi-nik\nSPBE-APL-1999-9999 hilang");
        var reviewed = await registrar.OpenAsync(consumer.PortalUrl($"/admin/aplikasi/register/{consumer.Pd}/aplikasi/{consumerId}"));
        Assert.Equal("ya", reviewed.Document.QuerySelector($".calls li[data-number='{number}']")!.GetAttribute("data-registered"));
        Assert.Equal("tidak", reviewed.Document.QuerySelector(".calls li[data-number='SPBE-APL-1999-9999']")!.GetAttribute("data-registered"));

        var before = await registrar.OpenAsync(provider.PortalUrl("/admin/aplikasi/tata-kelola"));
        Assert.Equal("", before.Document.QuerySelector($"tr[data-pd='{provider.Pd}']")!.GetAttribute("data-score"));
        var page = await registrar.OpenAsync(provider.PortalUrl($"/admin/aplikasi/tata-kelola/{provider.Pd}/{providerId}"));
        var period = page.Document.QuerySelector("#period option")!.GetAttribute("value")!;
        var scores = new Dictionary<string, string> { ["period"] = period };
        foreach (var code in new[] { "berkelanjutan", "akuntabel", "andal", "terintegrasi", "interoperabel", "skalabel", "ramah-pengguna", "teknis", "prosedural", "implementasi" }) scores["score:" + code] = "4";
        var bad = await page.SubmitAsync(registrar, "form.assessment-form", new Dictionary<string, string>(scores) { ["score:andal"] = "9" });
        Assert.Contains(bad.Errors, e => e.Contains("Beri nilai 1 sampai 5 untuk Andal"));
        var recorded = await page.SubmitAsync(registrar, "form.assessment-form", scores);
        Assert.Empty(recorded.Errors);
        Assert.Equal("4", recorded.Document.QuerySelector($"tr[data-period='{period}'] td")!.GetAttribute("data-value"));
        Assert.NotNull(recorded.Document.QuerySelector("figure.stat-chart"));
        var after = await registrar.OpenAsync(provider.PortalUrl("/admin/aplikasi/tata-kelola"));
        Assert.Equal("4", after.Document.QuerySelector($"tr[data-pd='{provider.Pd}']")!.GetAttribute("data-score"));
        // A later assessment of the same period replaces it; the aggregate follows.
        var lower = await page.SubmitAsync(registrar, "form.assessment-form", new Dictionary<string, string>(scores) { ["score:teknis"] = "2", ["score:prosedural"] = "2" });
        Assert.Single(lower.Document.QuerySelectorAll("tr[data-period]"));
        Assert.Equal("3.6", (await registrar.OpenAsync(provider.PortalUrl("/admin/aplikasi/tata-kelola"))).Document.QuerySelector($"tr[data-pd='{provider.Pd}']")!.GetAttribute("data-score"));

        var map = await registrar.OpenAsync(provider.PortalUrl("/admin/aplikasi/integrasi"));
        var edge = map.Document.QuerySelector($".integration-table tr[data-to='{number}']")!;
        Assert.Contains("PPDB " + consumer.Pd, edge.TextContent);
        Assert.Contains("Layanan NIK " + provider.Pd, edge.TextContent);
        Assert.NotNull(map.Document.QuerySelector($".integration-graph line[data-to='{number}']"));
        Assert.Contains("SPBE-APL-1999-9999 tidak terdaftar", map.Document.QuerySelector(".integration-table tr[data-to='SPBE-APL-1999-9999']")!.TextContent);
    }
}
