using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Datasets.Resources;
using OrchardSpbe.Datasets.ViewModels;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Datasets.Controllers;

/// <summary>
/// The walidata's datasets in the PD admin (003 Pasal 10(3)): the list, and per dataset its resources — upload a file
/// or add a link, correct the DataStore's column types and reload, remove. The metadata is edited as content
/// (drafts, versions, the approval workflow).
/// </summary>
[Area("Datasets")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageDatasets")]
[Route("admin/data")]
public sealed class DatasetsAdminController(
    DatasetDirectory directory, ResourceService resources, DataStoreTables tables, IAntiforgery antiforgery, IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new DatasetAdminListViewModel(await directory.AllAsync()));

    [HttpGet("{id}")]
    public async Task<IActionResult> Resources(string id) =>
        await directory.FindAsync(id) is { } found ? View(await ModelAsync(found.Dataset, found.Published, new Dictionary<string, string>())) : NotFound();

    [HttpPost("{id}/sumber")]
    [IgnoreAntiforgeryToken] // checked below, once the form is read: an oversized upload gets a message, not a bare 400
    [RequestSizeLimit(ResourceService.MaxUploadBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ResourceService.MaxUploadBytes)]
    public async Task<IActionResult> Add()
    {
        var id = RouteData.Values["id"] as string ?? "";
        if (await directory.FindAsync(id) is not { } found) return NotFound();
        var (form, problem) = await UploadForm.ReadAsync(HttpContext, antiforgery);
        if (problem == UploadProblem.Forged) return BadRequest();
        if (form is null) return await RefusedAsync(found.Dataset, found.Published, "file", ResourceService.TooLarge(T));
        if (form.Files.GetFile("file") is { Length: 0, FileName.Length: > 0 }) return await RefusedAsync(found.Dataset, found.Published, "file", T["Berkas kosong."]);
        var input = new ResourceInput(form["name"].ToString(), NullIfEmpty(form["description"]), form.Files.GetFile("file") is { Length: > 0 } f ? f : null,
            NullIfEmpty(form["url"]), NullIfEmpty(form["format"]));
        var (_, error) = await resources.AddAsync(found.Dataset.Id, input, User.Identity?.Name);
        if (error is not null) return await RefusedAsync(found.Dataset, found.Published, error.Field, error.Message);
        TempData["Message"] = T["Sumber data ditambahkan."].Value;
        return Redirect(Url.Content($"~/admin/data/{found.Dataset.Id}"));
    }

    /// <summary>The walidata corrects inferred column types ("type:{field}") and the table is reloaded from the kept file.</summary>
    [HttpPost("{id}/sumber/{resourceId}/tipe")]
    public async Task<IActionResult> Types(string id, string resourceId)
    {
        if (await directory.FindAsync(id) is not { } found || found.Dataset.Resources.FirstOrDefault(r => r.Id == resourceId) is not { } resource) return NotFound();
        var types = Request.Form.Where(f => f.Key.StartsWith("type:", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["type:".Length..], f => f.Value.ToString());
        if (types.Values.Any(t => !DataStoreField.Types.Contains(t))) return await RefusedAsync(found.Dataset, found.Published, "types", T["Pilih tipe kolom dari daftar."]);
        if (await resources.ReloadAsync(resource, types, User.Identity?.Name) is { } error)
            return await RefusedAsync(found.Dataset, found.Published, "types:" + resourceId, error.Message);
        TempData["Message"] = T["Tabel dimuat ulang dengan tipe kolom yang dipilih."].Value;
        return Redirect(Url.Content($"~/admin/data/{found.Dataset.Id}"));
    }

    [HttpPost("{id}/sumber/{resourceId}/hapus")]
    public async Task<IActionResult> Remove(string id, string resourceId)
    {
        if (await directory.FindAsync(id) is not { } found || found.Dataset.Resources.FirstOrDefault(r => r.Id == resourceId) is not { } resource) return NotFound();
        await resources.RemoveAsync(resource, User.Identity?.Name);
        TempData["Message"] = T["Sumber data dihapus."].Value;
        return Redirect(Url.Content($"~/admin/data/{found.Dataset.Id}"));
    }

    private async Task<IActionResult> RefusedAsync(DatasetRecord dataset, bool published, string field, string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Resources", await ModelAsync(dataset, published, new Dictionary<string, string> { [field] = message }));
    }

    private async Task<ResourcesViewModel> ModelAsync(DatasetRecord dataset, bool published, IReadOnlyDictionary<string, string> errors)
    {
        var fields = new Dictionary<string, IReadOnlyList<DataStoreField>>();
        foreach (var resource in dataset.Resources.Where(r => r.DataStoreActive))
            if (await tables.FindAsync(resource.Id) is { } table) fields[resource.Id] = table.Fields;
        return new ResourcesViewModel(dataset, published, fields, errors);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
