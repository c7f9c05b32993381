using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Mandiri;
using OrchardSpbe.Applications.Reports;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>
/// What the PD hands to Diskominfostandi besides its register: the PD Mandiri TIK proposal (002 Pasal 18) and the
/// semester ICT report, pre-filled from the register (001 Pasal 26(1)).
/// </summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageApplications")]
[PdOnly]
[Route("admin/aplikasi")]
public sealed class PdReportingController(MandiriService mandiri, ReportService reports, TimeProvider clock, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("mandiri-tik")]
    public async Task<IActionResult> Mandiri() => View(new MandiriViewModel(await mandiri.HistoryAsync(), null, null));

    [HttpPost("mandiri-tik")]
    public async Task<IActionResult> Mandiri(string? proposal)
    {
        var criteria = MandiriCriteria.All.Select(c => new MandiriCriterion(c.Code, Request.Form["met:" + c.Code] == "true", Request.Form["evidence:" + c.Code].ToString().Trim())).ToList();
        var error = await mandiri.ProposeAsync(criteria, proposal, User.Identity!.Name!);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new MandiriViewModel(await mandiri.HistoryAsync(), error, proposal));
        }
        TempData["Message"] = T["Usulan PD Mandiri TIK terkirim ke Diskominfostandi."].Value;
        return RedirectToAction(nameof(Mandiri));
    }

    [HttpGet("laporan")]
    public async Task<IActionResult> Report(string? semester = null) => View(await ReportModelAsync(semester, null, null));

    [HttpPost("laporan")]
    public async Task<IActionResult> Report(string? semester, string? incidents, string? changes)
    {
        var (field, error) = await reports.SubmitAsync(semester, incidents, changes, User.Identity!.Name!);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ReportModelAsync(semester, field, error));
        }
        TempData["Message"] = T["Laporan semester terkirim ke Diskominfostandi."].Value;
        return RedirectToAction(nameof(Report));
    }

    private async Task<ReportViewModel> ReportModelAsync(string? semester, string? field, string? error)
    {
        var current = Semester.Containing(clock.GetUtcNow());
        var semesters = new[] { current, current.Previous() }.Select(s => s.ToString()).ToList();
        var chosen = semester is not null && semesters.Contains(semester) ? semester : current.ToString();
        return new ReportViewModel(await reports.PrefillAsync(chosen, User.Identity!.Name!), semesters, await reports.HistoryAsync(), field, error);
    }
}
