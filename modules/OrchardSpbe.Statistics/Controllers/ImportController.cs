using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Import;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.ViewModels;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>
/// Import and export of an indicator's values as CSV or XLSX: upload → check every row (progress, errors by row and
/// column, nothing written) → confirm → one transaction. The export writes the same columns back.
/// </summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageStatistics")]
[Route("admin/statistik")]
public sealed class ImportController(
    IndicatorDirectory indicators,
    ObservationStore observations,
    ImportJobs jobs,
    TenantContext tenant,
    TenantSession session,
    IAntiforgery antiforgery,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("indikator/{id}/impor")]
    public async Task<IActionResult> Start(string id) =>
        await indicators.FindAsync(id) is { } indicator ? View(new ImportViewModel(indicator, null, null)) : NotFound();

    [HttpPost("indikator/{id}/impor")]
    [IgnoreAntiforgeryToken] // checked below, once the form is read: an oversized upload gets a message, not a bare 400
    [RequestSizeLimit(ImportOptions.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.MaxFileBytes)]
    public async Task<IActionResult> Upload()
    {
        // No bound parameters: an upload over the limit makes model binding give up on every value (the form cannot be read).
        var id = RouteData.Values["id"] as string ?? "";
        if (await indicators.FindAsync(id) is not { } indicator) return NotFound();
        var (form, problem) = await UploadForm.ReadAsync(HttpContext, antiforgery);
        if (problem == UploadProblem.Forged) return BadRequest();
        if (form is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Start", new ImportViewModel(indicator, null, T["Berkas terlalu besar atau unggahan terputus (paling besar {0} MB).", ImportOptions.MaxFileBytes / 1024 / 1024]));
        }
        var file = form.Files.GetFile("file");
        string? separator = form["decimal"];
        string? error = null;
        if (file is null || file.Length == 0) error = T["Pilih berkas CSV atau XLSX yang berisi data."];
        else if (file.Length > ImportOptions.MaxFileBytes) error = T["Berkas terlalu besar (paling besar {0} MB).", ImportOptions.MaxFileBytes / 1024 / 1024];
        else if (!ImportFileReader.IsSupported(file.FileName)) error = T["Hanya berkas .csv atau .xlsx yang dapat diimpor."];
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Start", new ImportViewModel(indicator, null, error));
        }
        var options = new ImportOptions(separator == "koma" ? ',' : '.');
        var importId = await jobs.StartAsync(tenant.Shell, indicator, file!, options, User.Identity!.Name!);
        return RedirectToAction(nameof(Show), new { importId });
    }

    [HttpGet("impor/{importId}")]
    public async Task<IActionResult> Show(string importId)
    {
        if (await jobs.FindAsync(tenant.Shell, session, importId) is not { } progress) return NotFound();
        if (await indicators.FindAsync(progress.IndicatorId) is not { } indicator) return NotFound();
        return View(new ImportViewModel(indicator, progress, null));
    }

    /// <summary>The progress bar's source (polled by admin.js; the page also refreshes itself without script).</summary>
    [HttpGet("impor/{importId}/status")]
    public async Task<IActionResult> Status(string importId)
    {
        if (await jobs.FindAsync(tenant.Shell, session, importId) is not { } p) return NotFound();
        return Json(new
        {
            state = p.State, fraction = Math.Round(p.Fraction, 3), rows = p.Rows, errorCount = p.ErrorCount, changed = p.Changed,
            errors = p.Errors.Take(50).Select(e => new { row = e.Row, column = e.Column, message = e.Message }),
        });
    }

    [HttpPost("impor/{importId}/simpan")]
    public IActionResult Confirm(string importId)
    {
        if (!jobs.Confirm(tenant.Shell, importId, User.Identity!.Name!))
            TempData["Message"] = T["Impor ini tidak dapat disimpan: hanya berkas yang sudah diperiksa dan tanpa kesalahan yang dapat disimpan."].Value;
        return RedirectToAction(nameof(Show), new { importId });
    }

    [HttpPost("impor/{importId}/batal")]
    public IActionResult Cancel(string importId)
    {
        TempData["Message"] = jobs.Cancel(tenant.Shell, importId)
            ? T["Impor dibatalkan; tidak ada nilai yang ditulis."].Value
            : T["Impor ini sudah selesai dan tidak dapat dibatalkan."].Value;
        return RedirectToAction(nameof(Show), new { importId });
    }

    [HttpGet("indikator/{id}/ekspor.{format}")]
    public async Task<IActionResult> Export(string id, string format)
    {
        if (await indicators.FindAsync(id) is not { } indicator) return NotFound();
        var rows = await observations.ListAsync(id);
        var table = rows.Select(r => new object?[] { r.Period, r.Area, r.Disaggregation, r.Value, r.Status, r.Note });
        var name = $"{indicator.Code}-{tenant.Name}";
        return format switch
        {
            "csv" => File(TableFiles.Csv(ImportColumns.All, table), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => File(TableFiles.Xlsx(ImportColumns.All, table), TableFiles.XlsxType, name + ".xlsx"),
            _ => NotFound(),
        };
    }
}
