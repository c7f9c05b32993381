using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>
/// The PD's applications (001 Pasal 9(1)): the list, the editor, and per application its document repository with the
/// completeness checklist, the submission for registration and Diskominfostandi's notes.
/// </summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageApplications")]
[PdOnly]
[Route("admin/aplikasi")]
public sealed class ApplicationsAdminController(
    ApplicationStore applications, DeviceStore devices, DocumentRepository documents, SubmissionService submissions, TenantRegistry registry, TenantContext tenant,
    IAntiforgery antiforgery, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(new RegisterHomeViewModel(await applications.ListAsync(), await devices.ListAsync(), await applications.IsMandiriAsync()));

    [HttpGet("baru")]
    public async Task<IActionResult> Create() => await EditorAsync(null, new ApplicationInput { Hosting = ApplicationTerms.DataCentre, Lifecycle = ApplicationTerms.Planning }, new());

    [HttpPost("baru")]
    public Task<IActionResult> Create([FromForm] ApplicationInput input) => SaveAsync(null, input);

    [HttpGet("{id}/ubah")]
    public async Task<IActionResult> Edit(string id) =>
        await applications.FindAsync(id) is { } found ? await EditorAsync(id, ApplicationInput.From(found), new()) : NotFound();

    [HttpPost("{id}/ubah")]
    public async Task<IActionResult> Edit(string id, [FromForm] ApplicationInput input) =>
        await applications.FindAsync(id) is null ? NotFound() : await SaveAsync(id, input);

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id) => await PageAsync(id, null);

    [HttpPost("{id}/dokumen")]
    [IgnoreAntiforgeryToken] // checked below, once the form is read: an oversized upload gets a message, not a bare 400
    [RequestSizeLimit(DocumentRepository.MaxUploadBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentRepository.MaxUploadBytes)]
    public async Task<IActionResult> Upload(string id)
    {
        if (await applications.FindAsync(id) is null) return NotFound();
        var (form, problem) = await UploadForm.ReadAsync(HttpContext, antiforgery);
        if (problem == UploadProblem.Forged) return BadRequest();
        if (form is null)
            return await PageAsync(id, T["Berkas terlalu besar (paling besar {0} MB).", DocumentRepository.MaxUploadBytes / 1024 / 1024], StatusCodes.Status400BadRequest);
        var error = await documents.UploadAsync(id, form["kind"].ToString(), form.Files.GetFile("file"), User.Identity?.Name);
        if (error is not null) return await PageAsync(id, error, StatusCodes.Status400BadRequest);
        TempData["Message"] = T["Dokumen tersimpan."].Value;
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id}/dokumen/{documentId}")]
    public async Task<IActionResult> Download(string id, string documentId)
    {
        if (await documents.FindAsync(id, documentId) is not { } document || !System.IO.File.Exists(documents.PathOf(document))) return NotFound();
        return PhysicalFile(documents.PathOf(document), document.ContentType, document.FileName);
    }

    [HttpPost("{id}/ajukan")]
    public async Task<IActionResult> Submit(string id)
    {
        if (await applications.FindAsync(id) is null) return NotFound();
        var error = await submissions.SubmitApplicationAsync(id, User.Identity!.Name!);
        if (error is not null) return await PageAsync(id, error, StatusCodes.Status409Conflict);
        TempData["Message"] = T["Aplikasi diajukan ke Diskominfostandi untuk registrasi."].Value;
        return RedirectToAction(nameof(Show), new { id });
    }

    private async Task<IActionResult> SaveAsync(string? id, ApplicationInput input)
    {
        var (savedId, errors) = await applications.SaveAsync(id, input, Request.Form.ContainsKey("SecurityLevel"), User.Identity?.Name);
        if (savedId is null) return await EditorAsync(id, input, errors, StatusCodes.Status400BadRequest);
        TempData["Message"] = T["Aplikasi tersimpan."].Value;
        return RedirectToAction(nameof(Show), new { id = savedId });
    }

    private async Task<IActionResult> EditorAsync(string? id, ApplicationInput input, Dictionary<string, string> errors, int status = 200)
    {
        Response.StatusCode = status;
        var pds = registry.All.Where(t => !t.IsDefault && t.Name != tenant.Name)
            .OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        return View("Editor", new ApplicationEditorViewModel(id, input, errors, pds, await applications.IsMandiriAsync())
        {
            Programmers = await applications.PlacedProgrammersAsync(),
        });
    }

    private async Task<IActionResult> PageAsync(string id, string? error, int status = 200)
    {
        if (await applications.FindAsync(id) is not { } application) return NotFound();
        Response.StatusCode = status;
        return View("Show", new ApplicationPageViewModel(application, await applications.ChecklistAsync(application), await applications.DocumentsAsync(id), error,
            registry.All.ToDictionary(t => t.Name, t => t.DisplayName)));
    }
}
