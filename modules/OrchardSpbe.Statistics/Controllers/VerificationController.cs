using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>On the portal: Diskominfostandi's verifier reads each PD's submission and accepts it or returns it with a note.</summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("VerifyStatistics")]
[Route("admin/statistik/verifikasi")]
public sealed class VerificationController(VerificationService verification, TenantRegistry registry, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? state = SubmissionStates.Waiting)
    {
        ViewBag.State = state;
        ViewBag.Names = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        return View(await verification.ListAsync(string.IsNullOrEmpty(state) || state == "semua" ? null : state));
    }

    [HttpGet("{tenant}/{id}")]
    public async Task<IActionResult> Show(string tenant, string id) => await ShowAsync(tenant, id, null);

    [HttpPost("{tenant}/{id}/terima")]
    public async Task<IActionResult> Accept(string tenant, string id)
    {
        var error = await verification.AcceptAsync(tenant, id, User.Identity!.Name!);
        if (error is not null) return await ShowAsync(tenant, id, error, StatusCodes.Status409Conflict);
        TempData["Message"] = T["Penyampaian diterima; nilainya kini tampil di portal dan situs perangkat daerah."].Value;
        return RedirectToAction(nameof(Show), new { tenant, id });
    }

    [HttpPost("{tenant}/{id}/kembalikan")]
    public async Task<IActionResult> Return(string tenant, string id, string? note)
    {
        var error = await verification.ReturnAsync(tenant, id, note, User.Identity!.Name!);
        if (error is not null) return await ShowAsync(tenant, id, error, StatusCodes.Status400BadRequest, note);
        TempData["Message"] = T["Penyampaian dikembalikan dengan catatan."].Value;
        return RedirectToAction(nameof(Show), new { tenant, id });
    }

    private async Task<IActionResult> ShowAsync(string tenant, string id, string? error, int status = 200, string? note = null)
    {
        if (await verification.FindAsync(tenant, id) is not { } submission) return NotFound();
        Response.StatusCode = status;
        ViewBag.Error = error;
        ViewBag.Note = note;
        ViewBag.PdName = registry.Find(tenant)?.DisplayName ?? tenant;
        ViewBag.Payload = JsonSerializer.Deserialize<SubmissionPayload>(submission.Payload!, HandoverOutbox.Json);
        return View("Show", submission);
    }
}
