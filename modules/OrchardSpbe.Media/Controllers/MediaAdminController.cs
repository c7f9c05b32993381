using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Media.Services;
using OrchardSpbe.Media.ViewModels;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Media.Controllers;

/// <summary>The site's team uploads images and documents, describes images for screen readers, and removes files.</summary>
[Area("Media")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageMedia")]
[Route("admin/media")]
public sealed class MediaAdminController(MediaLibrary library, MediaSettingsStore settings, IStringLocalizer<Strings> T) : Controller
{
    private const int PageSize = 24;

    // The form's body may be as large as the largest limit an administrator can set, plus the other fields.
    private const long MaxRequestBytes = (MediaSettings.MaxSizeMbCeiling + 1L) * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        page = Math.Max(1, page);
        var (files, total) = await library.SearchAsync(q, page, PageSize);
        return View(new MediaIndexViewModel
        {
            Files = files, Query = q, Page = page, Total = total,
            PageCount = OrchardSpbe.Navigation.Pager.PageCountOf(total, PageSize),
        });
    }

    [HttpGet("upload")]
    public async Task<IActionResult> Upload() => View(await WithLimitsAsync(new MediaUploadViewModel()));

    [HttpPost("upload")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Upload(MediaUploadViewModel model, CancellationToken cancellationToken)
    {
        if (model.File is not { Length: > 0 }) ModelState.AddModelError(nameof(model.File), T["Pilih berkas yang akan diunggah."]);
        if (!ModelState.IsValid) return View(await WithLimitsAsync(model));

        MediaUploadResult result;
        await using (var content = model.File!.OpenReadStream())
            result = await library.UploadAsync(model.File.FileName, content, model.AltText, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(model.File), result.Error!);
            return View(await WithLimitsAsync(model));
        }
        TempData["Message"] = T["Berkas '{0}' diunggah.", result.File!.FileName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id)
    {
        var entry = await library.GetAsync(id);
        return entry is null ? NotFound() : View(new MediaEditViewModel { Entry = entry, AltText = entry.File.AltText });
    }

    [HttpPost("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, MediaEditViewModel model)
    {
        var entry = await library.GetAsync(id);
        if (entry is null) return NotFound();
        model.Entry = entry;
        if (!ModelState.IsValid) return View(model);
        if (!await library.UpdateAltTextAsync(id, model.AltText)) return NotFound();
        TempData["Message"] = T["Teks alternatif untuk '{0}' disimpan.", entry.File.FileName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id)
    {
        var deleted = await library.DeleteAsync(id);
        if (deleted is null) return NotFound();
        TempData["Message"] = T["Berkas '{0}' dihapus.", deleted.File.FileName].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>For pickers (e.g. the news editor): GET /admin/media/api/files?page=1&amp;q=posyandu.</summary>
    [HttpGet("api/files")]
    public async Task<IActionResult> Files(string? q, int page = 1)
    {
        page = Math.Max(1, page);
        var (files, total) = await library.SearchAsync(q, page, PageSize);
        var pathBase = Request.PathBase.Value ?? "";
        return Json(new
        {
            page,
            pageSize = PageSize,
            total,
            files = files.Select(e => new
            {
                id = e.Id,
                path = e.File.Path,
                url = pathBase + e.File.Url,
                thumbnailUrl = e.File.IsImage ? pathBase + e.File.UrlAtWidth(160) : null,
                fileName = e.File.FileName,
                contentType = e.File.ContentType,
                length = e.File.Length,
                altText = e.File.AltText,
                width = e.File.Width,
                height = e.File.Height,
                uploadedUtc = e.File.UploadedUtc,
            }),
        });
    }

    private async Task<MediaUploadViewModel> WithLimitsAsync(MediaUploadViewModel model)
    {
        model.Limits = (await settings.GetAsync()).Settings;
        return model;
    }
}
