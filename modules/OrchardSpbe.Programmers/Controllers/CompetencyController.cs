using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Competency;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>
/// The competency gap of 004 (BAB III B.3). On the portal (Ketua, Diskominfostandi): every PD's six SPBE areas, needed against
/// available, for the city and one PD — a chart drawn from the table beside it, and an XLSX export — and a PD's needs set
/// from here. On a PD (its head): the PD's needs and its registered ICT staff with their occupation codes and certificates.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
[Route("admin/tim-programmer/kompetensi")]
public sealed class CompetencyController(CompetencyMap map, ReferenceDirectory reference, TenantContext tenant, IAuthorizationService authorization, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? pd = null)
    {
        if (!await MayManageAsync()) return Forbid();
        return View(await ModelAsync(pd, null));
    }

    [HttpPost("kebutuhan")]
    public async Task<IActionResult> Needs(string? pd)
    {
        if (!await MayManageAsync()) return Forbid();
        var target = tenant.IsDefault ? pd : tenant.Name;
        if (target is null || (tenant.IsDefault && (await map.GapsAsync()).All(g => g.Tenant != target))) return NotFound();
        var areas = await reference.AreasAsync();
        var typed = areas.ToDictionary(a => a.Code, a => (string?)(Request.HasFormContentType ? Request.Form["kebutuhan-" + a.Code].ToString() : null));
        // On a PD the page is its own (no ?pd=); on the portal pd is a known PD by now.
        return await AnswerAsync(await map.SetNeedsAsync(target, typed, User.Identity!.Name!), tenant.IsDefault ? target : null, T["Kebutuhan kompetensi tersimpan."]);
    }

    [HttpPost("staf")]
    public async Task<IActionResult> Staff(string? name, string? occupations, string? certificates)
    {
        if (!await MayManageAsync() || tenant.IsDefault) return Forbid();
        return await AnswerAsync(await map.AddStaffAsync(name, occupations, certificates, User.Identity!.Name!), null, T["Staf TIK terdaftar."]);
    }

    [HttpGet("ekspor.xlsx")]
    public async Task<IActionResult> Export()
    {
        if (!await MayManageAsync() || !tenant.IsDefault) return Forbid();
        var areas = await reference.AreasAsync();
        var rows = (await map.GapsAsync()).Select(g =>
        {
            var row = new Dictionary<string, object?> { ["kode_pd"] = g.Tenant, ["perangkat_daerah"] = g.PdName };
            foreach (var a in areas)
            {
                row[a.Code + "_dibutuhkan"] = g.Needed.GetValueOrDefault(a.Code);
                row[a.Code + "_tersedia"] = g.Available.GetValueOrDefault(a.Code);
                row[a.Code + "_kesenjangan"] = g.Gap(a.Code);
            }
            return row;
        }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, sheetName: "kesenjangan");
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kesenjangan-kompetensi-spbe.xlsx");
    }

    private Task<IActionResult> AnswerAsync(string? error, string? pd, string done) =>
        this.AnswerAsync(error, async e => View("Index", await ModelAsync(pd, e)), done,
            "/admin/tim-programmer/kompetensi" + (pd is null ? "" : "?pd=" + Uri.EscapeDataString(pd)));

    // The portal: the Ketua's office (Diskominfostandi); a PD: its head.
    private async Task<bool> MayManageAsync() =>
        (await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + (tenant.IsDefault ? Permissions.ManageTeam.Name : Permissions.EvaluateReports.Name))).Succeeded;

    private async Task<CompetencyViewModel> ModelAsync(string? pd, string? error)
    {
        var areas = await reference.AreasAsync();
        if (!tenant.IsDefault)
            return new CompetencyViewModel(areas, [], null, await map.NeedsAsync(tenant.Name), await map.StaffAsync(tenant.Name), false, error);
        var gaps = await map.GapsAsync();
        var selected = gaps.FirstOrDefault(g => g.Tenant == pd);
        return new CompetencyViewModel(areas, gaps, selected, selected?.Needed ?? new Dictionary<string, int>(), [], true, error);
    }
}
