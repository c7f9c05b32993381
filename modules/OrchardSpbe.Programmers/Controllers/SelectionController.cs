using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Programmers.Selection;
using OrchardSpbe.Programmers.ViewModels;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>
/// The selection team's board on the portal (000 Pasal 16): the applications of a period by state, one application with
/// its Pasal 18 checklist and the stage forms, the documents (personal data: the permission and an audit entry per look),
/// and the letters — invitations and the Ketua's result letter, printable and as PDF.
/// </summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("ManageProgrammerSelection")]
[Route("admin/tim-programmer/seleksi")]
public sealed class SelectionController(
    SelectionBoard board, ApplicationService applications, ReferenceDirectory reference, ApplicantDocuments documents, MemberService members,
    TenantRegistry registry, AuditLog audit, IAuthorizationService authorization, IOptions<ProgrammersOptions> options, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? periode = null, string? status = null)
    {
        var period = periode is { Length: 4 } p && p.All(char.IsAsciiDigit) ? p : applications.CurrentPeriod;
        if (status is not null && SelectionStates.Label(status) == status) status = null;
        var roles = (await reference.RolesAsync()).ToDictionary(r => r.Code, r => r.Name);
        return View(new BoardViewModel(await board.ListAsync(period, status), roles, period, await board.PeriodsAsync(), status));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id) => await ShowAsync(id, null);

    [HttpPost("{id}/{stage}")]
    public async Task<IActionResult> Decide(string id, string stage, StageInput input)
    {
        if (await board.FindAsync(id) is null) return NotFound();
        return await this.AnswerAsync(await board.DecideAsync(id, stage, input, User.Identity!.Name!), error => ShowAsync(id, error),
            T["Keputusan tahap {0} tersimpan.", T[SelectionStages.Label(stage)].Value], $"/admin/tim-programmer/seleksi/{id}");
    }

    /// <summary>A document of the applicant: personal data, so only with the permission, and every download audited.</summary>
    [HttpGet("{id}/berkas/{kind}")]
    [RequirePermission("ViewProgrammerPersonalData")]
    public async Task<IActionResult> Document(string id, string kind)
    {
        var row = (await board.DocumentsAsync(id)).FirstOrDefault(d => d.Kind == kind);
        if (row is null) return NotFound();
        var path = documents.PathOf(id, kind, row.ContentType);
        if (!System.IO.File.Exists(path)) return NotFound();
        await audit.RecordAsync("programmers.document.viewed", "lamaran:" + id, row.Kind);
        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(path, row.ContentType, $"{kind}{Path.GetExtension(path)}");
    }

    [HttpGet("{id}/surat/{letter}")]
    public async Task<IActionResult> Letter(string id, string letter)
    {
        var model = await LetterAsync(id, letter.EndsWith(".pdf", StringComparison.Ordinal) ? letter[..^4] : letter);
        if (model is null) return NotFound();
        if (letter.EndsWith(".pdf", StringComparison.Ordinal))
            return File(model.ToPdf(), "application/pdf", $"surat-{model.Kind}-{id}.pdf");
        return View("Letter", model);
    }

    private async Task<SelectionLetter?> LetterAsync(string id, string letter)
    {
        if (await board.FindAsync(id) is not { } application) return null;
        var stages = await board.StagesAsync(id);
        var role = await reference.RoleAsync(application.RoleCode);
        var roleName = role?.Name ?? application.RoleCode;
        var chair = options.Value.ChairName;
        var number = $"800/{id[..6].ToUpperInvariant()}/Tim-Programmer/{application.Period}";
        switch (letter)
        {
            case "wawancara" when stages.FirstOrDefault(s => s.Stage == SelectionStages.Completeness && s.Outcome == "lengkap") is { } complete:
                return new SelectionLetter(SelectionLetter.Invitation, number + "/W", complete.DecidedUtc, "Undangan pengisian formulir kompetensi teknis dan wawancara",
                    application.FullName, roleName,
                    [$"Berkas lamaran Saudara telah dinyatakan lengkap. Saudara diundang mengisi formulir persyaratan spesifikasi kompetensi teknis dan mengikuti wawancara (Perwal 131.A/2019 Pasal 16 ayat 3 huruf b) pada: {complete.Schedule}."],
                    "Ketua Tim Seleksi", chair, []);
            case "uji-praktik" when stages.FirstOrDefault(s => s.Stage == SelectionStages.Interview && s.Outcome == "lulus") is { } interview:
                return new SelectionLetter(SelectionLetter.Invitation, number + "/P", interview.DecidedUtc, "Undangan uji kompetensi teknis (praktik)",
                    application.FullName, roleName,
                    [$"Saudara telah memenuhi tahap formulir kompetensi dan wawancara. Saudara diundang mengikuti uji kompetensi teknis dengan metode praktik (Pasal 16 ayat 3 huruf c dan d) pada: {interview.Schedule}."],
                    "Ketua Tim Seleksi", chair, []);
            case "hasil" when stages.FirstOrDefault(s => s.Stage == SelectionStages.Result) is { } result:
                var passed = result.Outcome == SelectionStates.Passed;
                var home = registry.Find(application.HomePd)?.DisplayName ?? application.HomePd;
                return new SelectionLetter(SelectionLetter.Result, number + "/H", result.DecidedUtc, "Pengumuman hasil seleksi Tim Programmer",
                    application.FullName, roleName,
                    [passed
                        ? $"Berdasarkan hasil seleksi administrasi, kompetensi teknis, wawancara dan uji praktik, Saudara dinyatakan LULUS seleksi sebagai {roleName} Tim Programmer Pemerintah Kota Bekasi periode {application.Period}."
                        : $"Berdasarkan hasil seleksi, Saudara dinyatakan TIDAK LULUS seleksi sebagai {roleName} Tim Programmer Pemerintah Kota Bekasi periode {application.Period}. Terima kasih atas partisipasi Saudara.",
                     "Demikian disampaikan untuk diketahui (Perwal 131.A/2019 Pasal 16 ayat 4)."],
                    "Ketua Tim Programmer", chair, SelectionLetter.ResultCarbonCopies(home));
            default:
                return null;
        }
    }

    private async Task<IActionResult> ShowAsync(string id, string? error)
    {
        if (await board.FindAsync(id) is not { } application) return NotFound();
        var canSeePersonal = (await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + Permissions.ViewPersonalData.Name)).Succeeded;
        var personal = canSeePersonal && application.AnonymisedUtc is null ? await board.PersonalDataAsync(id, User.Identity!.Name!) : null;
        var appointed = (await members.ListAsync()).Any(m => m.ApplicationId == id);
        return View("Show", new ApplicationViewModel(application, await reference.RoleAsync(application.RoleCode),
            registry.Find(application.HomePd)?.DisplayName ?? application.HomePd, personal, await board.DocumentsAsync(id),
            await board.StagesAsync(id), await board.ChecklistOf(application), error, appointed));
    }
}
