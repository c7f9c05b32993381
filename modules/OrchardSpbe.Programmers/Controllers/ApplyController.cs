using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.Selection;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>
/// The portal's public pages of the team: the team itself (name, role and placement only — 001 Pasal 22), the
/// application form (000 Pasal 16(3) huruf a) and the applicant's own status behind the secret link they were given.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[AllowAnonymous]
public sealed class ApplyController(ApplicationService applications, SelectionBoard board, ReferenceDirectory reference, MemberService members, TenantRegistry registry) : Controller
{
    private const long MaxRequestBytes = 4 * 6 * 1024 * 1024;

    [HttpGet("tim-programmer")]
    public async Task<IActionResult> Team()
    {
        var roles = (await reference.RolesAsync()).ToDictionary(r => r.Code, r => r.Name);
        var placements = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        return View(new TeamPageViewModel(await members.ListAsync(servingOnly: true), roles, placements));
    }

    [HttpGet("tim-programmer/daftar")]
    public async Task<IActionResult> Apply() => View(await ModelAsync(new ApplicationInput(), new Dictionary<string, string>()));

    [HttpPost("tim-programmer/daftar")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Apply(ApplicationInput input)
    {
        var uploads = new List<UploadedDocument>();
        if (Request.HasFormContentType)
            foreach (var kind in DocumentKinds.All)
                if (Request.Form.Files.GetFile(kind) is { } file)
                    uploads.Add(new UploadedDocument(kind, file.FileName, file.OpenReadStream(), file.Length));
        var result = await applications.ApplyAsync(input, uploads);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ModelAsync(input, result.Errors));
        }
        TempData["Message"] = "Lamaran diterima. Simpan tautan halaman ini untuk melihat status seleksi Anda.";
        return Redirect("/tim-programmer/status/" + result.Token);
    }

    [HttpGet("tim-programmer/status/{token}")]
    public async Task<IActionResult> Status(string token)
    {
        if (await board.FindByTokenAsync(token) is not { } application) return NotFound();
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View(new StatusViewModel(application, await reference.RoleAsync(application.RoleCode), await board.StagesAsync(application.Id)));
    }

    private async Task<ApplyViewModel> ModelAsync(ApplicationInput input, IReadOnlyDictionary<string, string> errors) =>
        new(await reference.RolesAsync(), applications.HomePds, input, errors, applications.CurrentPeriod);
}
