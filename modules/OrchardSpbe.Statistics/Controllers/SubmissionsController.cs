using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Statistics.ViewModels;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>
/// The PD's monthly hand-over (001 Pasal 20(6)): what a submission now would carry, the form to send it, and the
/// PD's own history — each submission's fate, the verifier's notes, and the portal's late marks.
/// </summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[Route("admin/statistik/penyampaian")]
public sealed class SubmissionsController(SubmissionService submissions, TimeProvider clock, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    [RequirePermission("ViewStatisticsCompliance")]
    public async Task<IActionResult> Index() => View(await ModelAsync(null, null, null));

    [HttpPost("")]
    [RequirePermission("ManageStatistics")]
    public async Task<IActionResult> Submit(string? month, string? summary)
    {
        var result = await submissions.SubmitAsync(month, summary, User.Identity!.Name!);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(month, summary, result.Error));
        }
        TempData["Message"] = T["Penyampaian terkirim ke Diskominfostandi: {0} nilai.", result.Count].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<SubmissionsViewModel> ModelAsync(string? month, string? summary, string? error)
    {
        var current = ReportingMonth.Containing(clock.GetUtcNow());
        // This month and the three before it (a late PD still delivers a past month).
        var months = new[] { current, current.Previous(), current.Previous().Previous(), current.Previous().Previous().Previous() }.Select(m => m.ToString()).ToList();
        return new SubmissionsViewModel(await submissions.HistoryAsync(), await submissions.MarksAsync(), await submissions.PendingCountAsync(),
            month ?? current.ToString(), months, error, summary);
    }
}
