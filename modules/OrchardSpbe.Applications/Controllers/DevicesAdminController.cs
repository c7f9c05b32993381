using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>The PD's network devices (001 Pasal 9(1), 9(3)): the editor and the submission for registration.</summary>
[Area("Applications")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageApplications")]
[PdOnly]
[Route("admin/aplikasi/perangkat")]
public sealed class DevicesAdminController(DeviceStore devices, SubmissionService submissions, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("baru")]
    public IActionResult Create() => View("Editor", new DeviceEditorViewModel(null, new DeviceInput { Status = "aktif" }, new Dictionary<string, string>()));

    [HttpPost("baru")]
    public Task<IActionResult> Create([FromForm] DeviceInput input) => SaveAsync(null, input);

    [HttpGet("{id}/ubah")]
    public async Task<IActionResult> Edit(string id) =>
        await devices.FindAsync(id) is { } found ? View("Editor", new DeviceEditorViewModel(id, DeviceInput.From(found), new Dictionary<string, string>())) : NotFound();

    [HttpPost("{id}/ubah")]
    public async Task<IActionResult> Edit(string id, [FromForm] DeviceInput input) =>
        await devices.FindAsync(id) is null ? NotFound() : await SaveAsync(id, input);

    [HttpPost("{id}/ajukan")]
    public async Task<IActionResult> Submit(string id)
    {
        if (await devices.FindAsync(id) is null) return NotFound();
        var error = await submissions.SubmitDeviceAsync(id, User.Identity!.Name!);
        if (error is not null) TempData["Error"] = error;
        else TempData["Message"] = T["Perangkat diajukan ke Diskominfostandi untuk registrasi."].Value;
        return Redirect("~/admin/aplikasi#perangkat");
    }

    private async Task<IActionResult> SaveAsync(string? id, DeviceInput input)
    {
        var (savedId, errors) = await devices.SaveAsync(id, input, Request.Form.ContainsKey("SecurityLevel"), User.Identity?.Name);
        if (savedId is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Editor", new DeviceEditorViewModel(id, input, errors));
        }
        TempData["Message"] = T["Perangkat tersimpan."].Value;
        return Redirect("~/admin/aplikasi#perangkat");
    }
}
