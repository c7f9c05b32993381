using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Mandiri;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>On the portal: Diskominfostandi evaluates PDs' proposals and records each designation with its date and decree (002 Pasal 18(3)–(6)).</summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("RegisterApplications")]
[Route("admin/aplikasi/mandiri-tik")]
public sealed class MandiriAdminController(MandiriService mandiri, TenantRegistry registry, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewBag.Names = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        return View(await mandiri.ProposalsAsync());
    }

    [HttpGet("{tenant}")]
    public Task<IActionResult> Show(string tenant) => ShowAsync(tenant, null);

    [HttpPost("{tenant}")]
    public async Task<IActionResult> Decide(string tenant, string? decision, string? designatedOn, string? decree, string? note)
    {
        var error = await mandiri.DecideAsync(tenant, decision == "tetapkan", designatedOn, decree, note, User.Identity!.Name!);
        if (error is not null) return await ShowAsync(tenant, error, StatusCodes.Status400BadRequest);
        TempData["Message"] = T["Hasil evaluasi dikirim ke perangkat daerah."].Value;
        return RedirectToAction(nameof(Show), new { tenant });
    }

    private async Task<IActionResult> ShowAsync(string tenant, string? error, int status = 200)
    {
        if (await mandiri.ProposalAsync(tenant) is not { } row) return NotFound();
        Response.StatusCode = status;
        ViewBag.Error = error;
        ViewBag.PdName = registry.Find(tenant)?.DisplayName ?? tenant;
        return View("Show", row);
    }
}
