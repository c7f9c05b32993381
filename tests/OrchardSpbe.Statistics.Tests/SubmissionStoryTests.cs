using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// 001 Pasal 20(6), as the people live it: a Dinas Kesehatan data officer imports a year of monthly DBD cases per
/// kecamatan and submits them; a Diskominfostandi verifier on the portal returns the submission with a note; the
/// officer reads it, fixes one value and submits again; the verifier accepts. Only then do the values appear — on the
/// portal's statistics search, the indicator page, every download and the API.
/// </summary>
public abstract class SubmissionStoryTests(SiteFixture fixture)
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task A_returned_then_fixed_submission_is_public_only_after_the_verifier_accepts_it()
    {
        var site = fixture.Site;
        var desk = await StatisticsDesk.OpenAsync(site);
        var indicatorId = await desk.CreateIndicatorAsync("DBD-KASUS", "Kasus demam berdarah dengue per kecamatan");
        using var officer = await desk.OfficerAsync();
        await desk.ImportAsync(officer, indicatorId, StatisticsDesk.MonthlyCsv(LastYear, (month, area) => month * 10 + area.Length));

        using var visitor = site.NewVisitor();
        var indicatorPage = desk.PortalUrl($"/statistik/{desk.Pd}/DBD-KASUS");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(indicatorPage)).StatusCode);

        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var sent = await desk.SubmitMonthAsync(officer, month, "Data DBD setahun");
        Assert.Empty(sent.Errors);
        Assert.Contains("156 nilai", sent.SuccessMessage);

        // A second data officer cannot send another one while this one waits for the verifier.
        using var colleague = await desk.OfficerAsync("petugas2");
        var twice = await desk.SubmitMonthAsync(colleague, month, "lagi");
        Assert.Contains(twice.Errors, e => e.Contains("menunggu verifikasi"));

        using var verifier = await desk.VerifierAsync();
        var review = await verifier.OpenAsync(await desk.WaitForInboundAsync(verifier));
        Assert.Equal(156, review.Document.QuerySelectorAll(".submission-values tbody tr").Length);
        var noNote = await review.SubmitAsync(verifier, "form[action$='/kembalikan']", new Dictionary<string, string> { ["note"] = "" });
        Assert.Contains(noNote.Errors, e => e.Contains("Tulis catatan"));
        var returned = await review.SubmitAsync(verifier, "form[action$='/kembalikan']", new Dictionary<string, string> { ["note"] = "Nilai Bekasi Timur bulan Maret terlalu tinggi." });
        Assert.Equal("dikembalikan", returned.Document.QuerySelector(".submission-state")?.GetAttribute("data-state"));

        // The officer sees the note (it came back by the hand-over), fixes the value in the grid and submits again.
        await StatisticsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(desk.Url("/admin/statistik/penyampaian"))).Document.QuerySelector(".decision-note")?.TextContent.Contains("terlalu tinggi") == true,
            "The returned submission's note never reached the PD.");
        var fixedGrid = await officer.SubmitAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?year={LastYear}"), "form.stat-grid-form",
            new Dictionary<string, string> { [$"v:{LastYear}-M03|32.75.01"] = "7" });
        Assert.Empty(fixedGrid.Errors);
        Assert.Equal("1 nilai disimpan.", fixedGrid.SuccessMessage);
        var resent = await desk.SubmitMonthAsync(officer, month, "Perbaikan Bekasi Timur Maret");
        Assert.Empty(resent.Errors);

        var second = await verifier.OpenAsync(await desk.WaitForInboundAsync(verifier));
        Assert.Contains("Perbaikan", second.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(indicatorPage)).StatusCode);
        var accepted = await second.SubmitAsync(verifier, "form[action$='/terima']", new Dictionary<string, string>());
        Assert.Equal("diterima", accepted.Document.QuerySelector(".submission-state")?.GetAttribute("data-state"));

        // The portal's indicator page: the table holds the fixed value.
        var page = await visitor.OpenAsync(indicatorPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var march = page.Document.QuerySelector($"tr[data-period='{LastYear}-M03']")!;
        var column = page.Document.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-area")).ToList().IndexOf("32.75.01");
        Assert.Equal("7", march.Children[column].GetAttribute("data-value"));

        // Every download format carries it.
        foreach (var format in new[] { "csv", "json", "xml" })
        {
            var body = await visitor.Http.GetStringAsync(desk.PortalUrl($"/statistik/{desk.Pd}/DBD-KASUS/unduh.{format}"));
            Assert.Contains("32.75.01", body);
            Assert.Contains($"{LastYear}-M03", body);
        }
        var xlsx = await visitor.Http.GetByteArrayAsync(desk.PortalUrl($"/statistik/{desk.Pd}/DBD-KASUS/unduh.xlsx"));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(156, rows.Count);
        Assert.Equal(7d, Convert.ToDouble(rows.Single(r => (string)r["periode"] == $"{LastYear}-M03" && (string)r["kode_wilayah"] == "32.75.01")["nilai"], CultureInfo.InvariantCulture));

        // The API: the same values, and the PD's own site shows them too.
        var api = await visitor.Http.GetFromJsonAsync<JsonElement>(desk.PortalUrl($"/api/statistik/data/{desk.Pd}/DBD-KASUS?area=32.75.01&startPeriod={LastYear}-M03&endPeriod={LastYear}-M03"));
        Assert.Equal(7, api.GetProperty("observations")[0].GetProperty("value").GetDouble());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(desk.Url("/statistik/DBD-KASUS"))).StatusCode);

        // One search over every PD's statistics on the portal finds it, with its latest value.
        await StatisticsDesk.WaitUntilAsync(async () =>
            (await visitor.OpenAsync(desk.PortalUrl("/statistik?q=demam+berdarah"))).Document.QuerySelector($".stat-hit[data-pd='{desk.Pd}']") is not null,
            "The accepted indicator never appeared in the portal's statistics search.");
        var hit = (await visitor.OpenAsync(desk.PortalUrl("/statistik?q=demam+berdarah"))).Document.QuerySelector($".stat-hit[data-pd='{desk.Pd}']")!;
        Assert.Contains($"Desember {LastYear}", hit.QuerySelector(".stat-latest")!.TextContent);

        // The PD's history tells the whole story.
        var history = await officer.OpenAsync(desk.Url("/admin/statistik/penyampaian"));
        Assert.Equal(["diterima", "dikembalikan"], history.Document.QuerySelectorAll("tr[data-state]").Select(r => r.GetAttribute("data-state")!).ToArray());

        // A submission for a month that is already accepted is refused.
        var again = await desk.SubmitMonthAsync(officer, month, "sekali lagi");
        Assert.Contains(again.Errors, e => e.Contains("sudah diterima"));
    }
}

public sealed class SqliteSubmissionStoryTests(SqliteSite fixture) : SubmissionStoryTests(fixture), IClassFixture<SqliteSite>;

public sealed class PostgresSubmissionStoryTests(PostgresSite fixture) : SubmissionStoryTests(fixture), IClassFixture<PostgresSite>;
