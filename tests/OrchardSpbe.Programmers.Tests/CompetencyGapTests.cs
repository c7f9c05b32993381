using System.Net;
using MiniExcelLibs;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// 004 BAB III B.3: per PD and for the city, the six SPBE areas needed against available. Diskominfostandi sets a PD's
/// needs on the portal; the PD's head registers ICT staff on the PD (reaching the portal by the hand-over); the gap closes
/// as soon as a certified programmer with a matching occupation is placed there; the table exports to XLSX.
/// </summary>
public sealed class CompetencyGapTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_pds_gap_changes_when_a_certified_programmer_is_placed_there()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        using var chair = await desk.ChairAsync();
        var gapPage = desk.Portal($"/admin/tim-programmer/kompetensi?pd={desk.PlacementPd}");
        var set = await chair.SubmitAsync(gapPage, "form.needs-form", new Dictionary<string, string> { ["kebutuhan-aplikasi"] = "2", ["kebutuhan-infrastruktur"] = "1" });
        Assert.Empty(set.Errors);
        Assert.Equal(("2", "0", "2"), Row(set, "aplikasi"));

        // A number that is not one is refused and nothing changes.
        var bad = await chair.SubmitAsync(gapPage, "form.needs-form", new Dictionary<string, string> { ["kebutuhan-aplikasi"] = "dua" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(("2", "0", "2"), Row(await chair.OpenAsync(gapPage), "aplikasi"));

        // A web developer with a certificate is placed: the gap in SPBE applications closes by one at once.
        var id = await desk.PassSelectionAsync("Lukman Sertifikat " + desk.Suffix, "fullstack-programmer", 5);
        await desk.AppointAsync(id, DateTime.UtcNow.ToString("yyyy-MM-01"), "20605", "Oracle Certified Professional Java");
        Assert.Equal(("2", "1", "1"), Row(await chair.OpenAsync(gapPage), "aplikasi"));

        // The PD's head registers a network administrator on the PD; it reaches the portal's table by the hand-over.
        using var head = await desk.SignInAsync(desk.PlacementPd, "kepala");
        var pdPage = fixture.Site.Url(desk.PlacementPd, "/admin/tim-programmer/kompetensi");
        var unknown = await head.SubmitAsync(pdPage, "form.staff-form", new Dictionary<string, string> { ["name"] = "Maman Jaringan", ["occupations"] = "99999" });
        Assert.Contains(unknown.Errors, e => e.Contains("99999"));
        var registered = await head.SubmitAsync(pdPage, "form.staff-form", new Dictionary<string, string> { ["name"] = "Maman Jaringan", ["occupations"] = "40601", ["certificates"] = "MTCNA" });
        Assert.Empty(registered.Errors);
        await ProgrammerDesk.WaitUntilAsync(async () => Row(await chair.OpenAsync(gapPage), "infrastruktur") == ("1", "1", "0"),
            "The PD's registered staff never reached the portal's gap table.");

        // The city's table sums every PD, and exports.
        var city = await chair.OpenAsync(desk.Portal("/admin/tim-programmer/kompetensi"));
        Assert.NotNull(city.Document.QuerySelector($"table.pd-gaps tr[data-pd='{desk.PlacementPd}']"));
        var xlsx = await chair.Http.GetByteArrayAsync(desk.Portal("/admin/tim-programmer/kompetensi/ekspor.xlsx"));
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var pd = rows.Single(r => (string)r["kode_pd"] == desk.PlacementPd);
        Assert.Equal(1d, Convert.ToDouble(pd["aplikasi_kesenjangan"]));
        Assert.Equal(1d, Convert.ToDouble(pd["aplikasi_tersedia"]));
    }

    private static (string Needed, string Available, string Gap) Row(Page page, string area)
    {
        var row = page.Document.QuerySelector($"table.gap-table tr[data-area='{area}']") ?? throw new InvalidOperationException("No row " + area + ": " + page.Html[..300]);
        return (row.GetAttribute("data-needed")!, row.GetAttribute("data-available")!, row.GetAttribute("data-gap")!);
    }
}
