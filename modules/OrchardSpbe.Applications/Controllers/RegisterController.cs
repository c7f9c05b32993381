using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>
/// Diskominfostandi's review on the portal (001 Pasal 9(2)): what PDs handed over, each with its documents and test
/// evidence against the checklist of its class and lifecycle; the security level and registration, or a return with notes.
/// </summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[PortalOnly]
[RequirePermission("RegisterApplications")]
[Route("admin/aplikasi/register")]
public sealed class RegisterController(ReviewService review, Catalogue.PublicCatalogue catalogue, TenantRegistry registry, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? jenis = null, string? state = RegistrationStates.Waiting)
    {
        ViewBag.State = state;
        ViewBag.Kind = jenis;
        ViewBag.Names = registry.All.ToDictionary(t => t.Name, t => t.DisplayName);
        return View(await review.ListAsync(string.IsNullOrEmpty(jenis) ? null : jenis, string.IsNullOrEmpty(state) || state == "semua" ? null : state));
    }

    [HttpGet("{tenant}/{kind}/{id}")]
    public Task<IActionResult> Show(string tenant, string kind, string id) => ShowAsync(tenant, kind, id, null);

    [HttpPost("{tenant}/{kind}/{id}/registrasi")]
    public async Task<IActionResult> Register(string tenant, string kind, string id, string? securityLevel)
    {
        var error = await review.RegisterAsync(tenant, kind, id, securityLevel, User.Identity!.Name!);
        if (error is not null) return await ShowAsync(tenant, kind, id, error, StatusCodes.Status400BadRequest);
        TempData["Message"] = T["Terdaftar; nomor registrasi dan tingkat keamanan dikirim ke perangkat daerah."].Value;
        return RedirectToAction(nameof(Show), new { tenant, kind, id });
    }

    [HttpPost("{tenant}/{kind}/{id}/kembalikan")]
    public async Task<IActionResult> Return(string tenant, string kind, string id, string? note)
    {
        var error = await review.ReturnAsync(tenant, kind, id, note, User.Identity!.Name!);
        if (error is not null) return await ShowAsync(tenant, kind, id, error, StatusCodes.Status400BadRequest, note);
        TempData["Message"] = T["Dikembalikan dengan catatan ke perangkat daerah."].Value;
        return RedirectToAction(nameof(Show), new { tenant, kind, id });
    }

    [HttpGet("{tenant}/aplikasi/{id}/dokumen/{documentId}")]
    public async Task<IActionResult> Download(string tenant, string id, string documentId)
    {
        var document = (await review.DocumentsAsync(tenant, id)).FirstOrDefault(d => d.Id == documentId);
        if (document is null || !System.IO.File.Exists(review.PathOf(document))) return NotFound();
        return PhysicalFile(review.PathOf(document), document.ContentType, document.FileName);
    }

    private async Task<IActionResult> ShowAsync(string tenant, string kind, string id, string? error, int status = 200, string? note = null)
    {
        if (await review.FindAsync(tenant, kind, id) is not { } row) return NotFound();
        Response.StatusCode = status;
        ApplicationSubmission? application = null;
        DeviceSubmission? device = null;
        var checklist = new List<(DocumentKind, bool, RegisterDocument?)>();
        if (kind == RegisterKinds.Application)
        {
            application = JsonSerializer.Deserialize<ApplicationSubmission>(row.Payload, HandoverOutbox.Json)!;
            var documents = await review.DocumentsAsync(tenant, id);
            var required = DocumentKinds.Required(application.Application.AppClass, application.Application.Lifecycle);
            checklist.AddRange(DocumentKinds.All.Select(k => (k, required.Contains(k), documents.FirstOrDefault(d => d.Kind == k.Code))));
        }
        else
        {
            device = JsonSerializer.Deserialize<DeviceSubmission>(row.Payload, HandoverOutbox.Json)!;
        }
        // 001 Pasal 16: the APIs it calls should be registered applications'; the reviewer sees which are not.
        var calls = application is null ? [] : ApplicationRecord.Consumed(application.Application.ApisConsumed).ToList();
        var providers = calls.Count == 0 ? [] : (await catalogue.ListAsync(new Catalogue.CatalogueQuery(Numbers: calls.Select(c => c.Number).Distinct().ToList()), publicOnly: false))
            .ToDictionary(p => p.RegistrationNumber, p => p.Name);
        return View("Show", new ReviewViewModel(row, registry.Find(tenant)?.DisplayName ?? tenant, application, device, checklist, error, note)
        {
            Calls = calls.Select(c => (c.Number, c.Api, providers.GetValueOrDefault(c.Number))).ToList(),
        });
    }
}
