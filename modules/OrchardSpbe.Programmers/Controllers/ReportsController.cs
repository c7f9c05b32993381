using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.Reports;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>
/// On a PD site: the members placed here, their reports (000 Pasal 20(1)) and the coordinator's evaluations (20(2)).
/// The member files; the PD head evaluates; anyone else posting an evaluation is refused with the reason.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[Route("admin/tim-programmer/laporan")]
public sealed class ReportsController(ReportService reports, ReferenceDirectory reference, IAuthorizationService authorization, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    [RequirePermission("AccessAdmin")]
    public async Task<IActionResult> Index() => View(await ModelAsync(null));

    [HttpPost("")]
    [RequirePermission("FileProgrammerReports")]
    public async Task<IActionResult> File(ReportInput input) =>
        await AnswerAsync(await reports.FileAsync(input, User.Identity!.Name!), T["Laporan terkirim ke koordinator."]);

    // Open to the PD's admin users so that a wrong evaluator is told why, not just refused (the service decides).
    [HttpPost("{id}/evaluasi")]
    [RequirePermission("AccessAdmin")]
    public async Task<IActionResult> Evaluate(string id, string? rating, string? note) =>
        await AnswerAsync(await reports.EvaluateAsync(id, rating, note, User.Identity!.Name!, await IsCoordinatorAsync()), T["Evaluasi tersimpan dan dikirim ke Sekretaris dan Ketua Tim."]);

    [HttpPost("tugas/{id}")]
    [RequirePermission("AccessAdmin")]
    public async Task<IActionResult> Warn(string id, string? note) =>
        await AnswerAsync(await reports.WarnAsync(id, note, User.Identity!.Name!, await IsCoordinatorAsync()), T["Peringatan diberikan dan dikirim ke Ketua Tim."]);

    [HttpPost("akun")]
    [RequirePermission("EvaluateProgrammerReports")]
    public async Task<IActionResult> Link(string? memberId, string? userName) =>
        await AnswerAsync(await reports.LinkAccountAsync(memberId, userName, User.Identity!.Name!), T["Akun programmer terhubung."]);

    private Task<IActionResult> AnswerAsync(string? error, string done) =>
        this.AnswerAsync(error, async e => View("Index", await ModelAsync(e)), done, "/admin/tim-programmer/laporan");

    private async Task<bool> IsCoordinatorAsync() =>
        (await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + Permissions.EvaluateReports.Name)).Succeeded;

    private async Task<ReportsViewModel> ModelAsync(string? error)
    {
        var placements = await reports.PlacementsAsync();
        var own = placements.FirstOrDefault(p => string.Equals(p.UserName, User.Identity!.Name, StringComparison.OrdinalIgnoreCase));
        var coordinator = await IsCoordinatorAsync();
        // A member sees their own reports; the coordinator sees every member's.
        var list = coordinator ? await reports.ReportsAsync() : own is null ? [] : await reports.ReportsAsync(own.MemberId);
        var roles = await reference.RolesAsync();
        return new ReportsViewModel(placements, list, coordinator ? await reports.TasksAsync() : [], own, own is null ? null : roles.FirstOrDefault(r => r.Code == own.RoleCode),
            roles.ToDictionary(r => r.Code, r => r.Name), coordinator, error,
            // Due dates as for statistics: the coordinator's list of late and missing reports; a member sees their own.
            await reports.LateAndMissingAsync(coordinator ? placements : own is null ? [] : [own]));
    }
}
