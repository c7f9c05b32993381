using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Rules;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>
/// On the portal: the team's meetings with attendance and written reasons (000 Pasal 15(3)), and the cases the rules open —
/// warnings given by coordinators, removal proposals routed Ketua → Pembina → Wali Kota (15(4)–(5)) — with every decision.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("AccessAdmin")]
[Route("admin/tim-programmer")]
public sealed class RulesController(MeetingService meetings, CaseService cases, MemberService members, IAuthorizationService authorization, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("rapat")]
    [RequirePermission("ManageProgrammerTeam")]
    public async Task<IActionResult> Meetings() => View(await MeetingsModelAsync(null));

    [HttpPost("rapat")]
    [RequirePermission("ManageProgrammerTeam")]
    public async Task<IActionResult> RecordMeeting(string? heldOn, string? topic)
    {
        // Fields "hadir-{memberId}" and "alasan-{memberId}", one pair per serving member.
        return await this.AnswerAsync(await meetings.RecordAsync(heldOn, topic, this.FieldsStartingWith("hadir-"), this.FieldsStartingWith("alasan-"), User.Identity!.Name!),
            async error => View("Meetings", await MeetingsModelAsync(error)), T["Rapat dan kehadiran tercatat."], "/admin/tim-programmer/rapat");
    }

    [HttpGet("kasus")]
    public async Task<IActionResult> Cases()
    {
        if (!await MayDecideAsync()) return Forbid();
        return View(await CasesModelAsync(null));
    }

    /// <summary>A removal proposal by hand: only where the rule of 15(4) has opened one (the Ketua cannot propose without it).</summary>
    [HttpPost("kasus/usul")]
    [RequirePermission("ManageProgrammerTeam")]
    public async Task<IActionResult> Propose(string? memberId)
    {
        var member = memberId is null ? null : await members.FindAsync(memberId);
        var open = (await cases.ListAsync()).FirstOrDefault(c => c.MemberId == memberId && c.Kind == CaseKinds.Removal && c.ClosedUtc is null);
        if (member is null || open is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Cases", await CasesModelAsync(T["Usulan pemberhentian hanya dapat diajukan bila anggota tidak aktif dua bulan berturut-turut tanpa alasan tertulis (Pasal 15 ayat 4); aturan ini belum terpenuhi untuk {0}.", member?.FullName ?? "–"]));
        }
        return await Decide(open.Id, "ajukan", null);
    }

    [HttpPost("kasus/{id}")]
    public async Task<IActionResult> Decide(string id, string? decision, string? note)
    {
        if (!await MayDecideAsync()) return Forbid();
        var patron = await HasAsync(Permissions.EndorseRemoval.Name);
        var chair = await HasAsync(Permissions.ManageTeam.Name);
        // The Ketua's and the Wali Kota's decisions are recorded by the Ketua's office; the Pembina's by the Pembina.
        var error = !chair && decision is not ("teruskan" or "tolak")
            ? T["Keputusan ini dicatat oleh Ketua Tim."].Value
            : await cases.DecideRemovalAsync(id, decision, note, User.Identity!.Name!, patron);
        return await this.AnswerAsync(error, async e => View("Cases", await CasesModelAsync(e)), T["Keputusan tercatat."], "/admin/tim-programmer/kasus");
    }

    private async Task<bool> HasAsync(string permission) =>
        (await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + permission)).Succeeded;

    private async Task<bool> MayDecideAsync() => await HasAsync(Permissions.ManageTeam.Name) || await HasAsync(Permissions.EndorseRemoval.Name);

    private async Task<MeetingsViewModel> MeetingsModelAsync(string? error)
    {
        var list = await meetings.ListAsync();
        return new MeetingsViewModel(await members.ListAsync(servingOnly: true), list, await meetings.AttendanceAsync(list.Select(m => m.Id).ToList()), error);
    }

    private async Task<CasesViewModel> CasesModelAsync(string? error) =>
        new(await cases.ListAsync(), await cases.DecisionsAsync(), (await members.ListAsync()).ToDictionary(m => m.Id, m => m.FullName),
            await HasAsync(Permissions.EndorseRemoval.Name), error);
}
