using Microsoft.AspNetCore.Authorization;
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

/// <summary>
/// On the portal: the Ketua writes the team's final report of the year (000 Pasal 20(4)–(5)) — a summary and a conclusion per
/// member beside their evaluation history — and submits it to the Pembina, who reads it and records receipt; kept and printable.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("AccessAdmin")]
[Route("admin/tim-programmer/laporan-akhir")]
public sealed class FinalReportController(FinalReportService reports, ReferenceDirectory reference, IAuthorizationService authorization, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? tahun)
    {
        if (!await MaySeeAsync()) return Forbid();
        return View(await ModelAsync(tahun, null));
    }

    [HttpPost("")]
    [RequirePermission("ManageProgrammerTeam")]
    public async Task<IActionResult> Write(int? year, string? summary)
    {
        // Fields "rekomendasi-{memberId}" and "kesimpulan-{memberId}", one pair per member of the year.
        var error = await reports.WriteAsync(year, summary, this.FieldsStartingWith("rekomendasi-"), this.FieldsStartingWith("kesimpulan-"), User.Identity!.Name!);
        return await this.AnswerAsync(error, async e => View("Index", await ModelAsync(year, e)),
            T["Laporan akhir tersimpan dan disampaikan kepada Pembina."], $"/admin/tim-programmer/laporan-akhir/{year}");
    }

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Show(int year)
    {
        if (!await MaySeeAsync()) return Forbid();
        if (await reports.FindAsync(year) is not { } found) return NotFound();
        return View(new FinalReportViewModel(found.Report, found.Conclusions, await reports.MembersOfAsync(year), await RoleNamesAsync(),
            await HasAsync(Permissions.EndorseRemoval.Name), null));
    }

    /// <summary>The Pembina records receipt (000 Pasal 20(4): the report goes up the chain to the Pembina).</summary>
    [HttpPost("{year:int}/terima")]
    [RequirePermission("EndorseProgrammerRemoval")]
    public async Task<IActionResult> Receive(int year) =>
        await this.AnswerAsync(await reports.ReceiveAsync(year, User.Identity!.Name!), async e => View("Index", await ModelAsync(year, e)),
            T["Penerimaan laporan akhir tercatat."], $"/admin/tim-programmer/laporan-akhir/{year}");

    private async Task<IReadOnlyDictionary<string, string>> RoleNamesAsync() => (await reference.RolesAsync()).ToDictionary(r => r.Code, r => r.Name);

    private async Task<bool> HasAsync(string permission) =>
        (await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + permission)).Succeeded;

    // The Ketua (and Sekretaris) write it; the Pembina reads it.
    private async Task<bool> MaySeeAsync() => await HasAsync(Permissions.ManageTeam.Name) || await HasAsync(Permissions.EndorseRemoval.Name);

    private async Task<FinalReportsViewModel> ModelAsync(int? year, string? error)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : reports.CurrentYear;
        var written = await reports.ListAsync();
        var mayWrite = await HasAsync(Permissions.ManageTeam.Name) && written.All(r => r.Year != y) && y <= reports.CurrentYear;
        return new FinalReportsViewModel(written, y, mayWrite ? await reports.MembersOfAsync(y) : [], await RoleNamesAsync(), error);
    }
}
