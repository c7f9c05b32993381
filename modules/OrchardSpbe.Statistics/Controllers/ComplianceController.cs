using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Compliance;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>
/// The compliance board on the portal: PD × month (001 Pasal 20(6)), filtered by PD category, exported as XLSX or
/// CSV, and the list of PDs to receive a reprimand letter (teguran, 26(3)) ready to print.
/// </summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("ViewStatisticsCompliance")]
[Route("admin/statistik/kepatuhan")]
public sealed class ComplianceController(ComplianceBoard board, TenantRegistry registry, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? tahun = null, string? kategori = null)
    {
        var year = Year(tahun);
        ViewBag.Categories = registry.All.Where(t => !t.IsDefault).Select(t => t.Category).OfType<string>().Distinct().Order().ToList();
        ViewBag.Category = kategori;
        return View(await board.BuildAsync(year, string.IsNullOrEmpty(kategori) ? null : kategori));
    }

    [HttpGet("ekspor.{format}")]
    public async Task<IActionResult> Export(string format, int? tahun = null, string? kategori = null)
    {
        var table = await board.BuildAsync(Year(tahun), string.IsNullOrEmpty(kategori) ? null : kategori);
        var columns = new[] { "kode_pd", "perangkat_daerah", "kategori" }.Concat(table.Months.Select(m => m.ToString())).ToList();
        var rows = table.Rows.Select(r => new object?[] { r.Tenant, r.DisplayName, r.Category }.Concat(r.States.Select(s => (object?)ComplianceStates.Label(s))).ToArray());
        var name = $"kepatuhan-statistik-{table.Year}";
        return format switch
        {
            "csv" => File(TableFiles.Csv(columns, rows), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => File(TableFiles.Xlsx(columns, rows), TableFiles.XlsxType, name + ".xlsx"),
            _ => NotFound(),
        };
    }

    /// <summary>PDs that did not deliver (or delivered late) for a month: the reprimand list, a printable page.</summary>
    [HttpGet("teguran")]
    public async Task<IActionResult> Reprimands(string? bulan = null)
    {
        var month = ReportingMonth.TryParse(bulan, out var m) ? m : ReportingMonth.Containing(clock.GetUtcNow()).Previous();
        var table = await board.BuildAsync(month.Year);
        var index = month.Month - 1;
        ViewBag.Month = month;
        return View(table.Rows.Where(r => ComplianceStates.NeedsReprimand(r.States[index])).Select(r => (r, r.States[index])).ToList());
    }

    private int Year(int? year)
    {
        var now = ReportingMonth.Containing(clock.GetUtcNow()).Year;
        return year is { } y && y >= 2000 && y <= now ? y : now;
    }
}
