using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Governance;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Applications.Reports;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>
/// Diskominfostandi's oversight on the portal: the semester report board with its reprimand list (001 Pasal 26), the
/// governance assessments with each PD's aggregate (15(5)–(6), Pasal 12), and the integration map (Pasal 16).
/// </summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("ViewApplicationsRegister")]
[Route("admin/aplikasi")]
public sealed class OversightController(ReportBoard board, AssessmentService assessments, ReviewService review, IntegrationMap map, TenantRegistry registry, TimeProvider clock, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("kepatuhan")]
    public async Task<IActionResult> Compliance(int? tahun = null)
    {
        var now = Semester.Containing(clock.GetUtcNow()).Year;
        return View(await board.BuildAsync(tahun is { } y && y >= 2000 && y <= now ? y : now));
    }

    /// <summary>PDs that did not report (or reported late) for a semester: the reprimand list (26(3)), ready to print.</summary>
    [HttpGet("kepatuhan/teguran")]
    public async Task<IActionResult> Reprimands(string? semester = null)
    {
        var chosen = Semester.TryParse(semester, out var s) ? s : Semester.Containing(clock.GetUtcNow()).Previous();
        var table = await board.BuildAsync(chosen.Year);
        ViewBag.Semester = chosen;
        return View(table.Rows.Select(r => (r, r.States[chosen.Half - 1])).Where(x => ReportStates.NeedsReprimand(x.Item2)).ToList());
    }

    [HttpGet("tata-kelola")]
    public async Task<IActionResult> Governance() =>
        View(new GovernanceViewModel(await assessments.AggregateAsync(), (await review.ListAsync(RegisterKinds.Application, null)).Where(r => r.RegistrationNumber is not null).ToList(),
            registry.All.ToDictionary(t => t.Name, t => t.DisplayName)));

    [HttpGet("tata-kelola/{tenant}/{id}")]
    public Task<IActionResult> Assessment(string tenant, string id) => AssessmentAsync(tenant, id, null);

    [HttpPost("tata-kelola/{tenant}/{id}")]
    [RequirePermission("RegisterApplications")]
    public async Task<IActionResult> Assess(string tenant, string id, string? period, string? note)
    {
        var scores = AssessmentCriteria.All.ToDictionary(c => c.Code, c => (string?)Request.Form["score:" + c.Code].ToString());
        var error = await assessments.RecordAsync(tenant, id, period, scores, note, User.Identity!.Name!);
        if (error is not null) return await AssessmentAsync(tenant, id, error, StatusCodes.Status400BadRequest);
        TempData["Message"] = T["Penilaian tersimpan."].Value;
        return RedirectToAction(nameof(Assessment), new { tenant, id });
    }

    [HttpGet("integrasi")]
    public async Task<IActionResult> Integration(string? pd = null, int halaman = 1)
    {
        ViewBag.Names = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        ViewBag.Pd = pd;
        ViewBag.Page = Math.Clamp(halaman, 1, 10_000);
        return View(await map.BuildAsync(string.IsNullOrEmpty(pd) ? null : pd));
    }

    private async Task<IActionResult> AssessmentAsync(string tenant, string id, string? error, int status = 200)
    {
        if (await review.FindAsync(tenant, RegisterKinds.Application, id) is not { RegistrationNumber: not null } row) return NotFound();
        Response.StatusCode = status;
        var current = Semester.Containing(clock.GetUtcNow());
        var periods = new[] { current, current.Previous(), current.Previous().Previous() }.Select(s => s.ToString()).ToList();
        return View("Assessment", new AssessmentViewModel(row, registry.Find(tenant)?.DisplayName ?? tenant, await assessments.HistoryAsync(tenant, id), periods, error));
    }
}
