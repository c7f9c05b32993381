using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>The Ketua's list of members (000 Pasal 15): decree, placement, one-year term and status; appointing who passed.</summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("ManageProgrammerTeam")]
[Route("admin/tim-programmer/anggota")]
public sealed class MembersController(MemberService members, ReferenceDirectory reference, TenantRegistry registry, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync(null));

    [HttpPost("angkat")]
    public async Task<IActionResult> Appoint(AppointInput input)
    {
        var (member, error) = await members.AppointAsync(input, User.Identity!.Name!);
        return await this.AnswerAsync(error, async e => View("Index", await ModelAsync(e)),
            member is null ? "" : T["{0} diangkat sebagai anggota Tim Programmer sampai {1}.", member.FullName, member.EndDate], "/admin/tim-programmer/anggota");
    }

    [HttpPost("{id}/perpanjang")]
    public async Task<IActionResult> Extend(string id, string? decreeNumber) =>
        await this.AnswerAsync(await members.ExtendAsync(id, decreeNumber, User.Identity!.Name!),
            async error => View("Index", await ModelAsync(error)), T["Masa tugas diperpanjang."], "/admin/tim-programmer/anggota");

    /// <summary>The coordinators' evaluations as they reached the portal (Pasal 20(2)–(3)): the basis of the Ketua's final report (20(4)).</summary>
    [HttpGet("/admin/tim-programmer/evaluasi")]
    public async Task<IActionResult> Evaluations() =>
        View(new EvaluationsViewModel(await members.EvaluationsAsync(), registry.All.ToDictionary(t => t.Name, t => t.DisplayName), await members.DueMarksAsync()));

    private async Task<MembersViewModel> ModelAsync(string? error) =>
        new(await members.ListAsync(), (await reference.RolesAsync()).ToDictionary(r => r.Code, r => r.Name), await members.AppointableAsync(),
            registry.All.Where(t => !t.IsDefault).OrderBy(t => t.DisplayName).ToList(), error);
}
