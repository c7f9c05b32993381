using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using OrchardSpbe.Data;
using OrchardSpbe.Media.Services;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Media.Controllers;

/// <summary>
/// Serves the tenant's own library files to anyone: /media/2026/11/posyandu.jpg, and ?w=320 for a resized image.
/// Only files with a row in this tenant's table are served, so another site's path is a 404 here.
/// </summary>
[AllowAnonymous]
[RequireFeature(Manifest.FeatureId)]
public sealed class MediaController(
    MediaLibrary library,
    MediaFolders folders,
    ImageResizer resizer,
    TenantContext tenant,
    ILogger<MediaController> logger) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "media/{**path}")]
    public async Task<IActionResult> Get(string? path, CancellationToken cancellationToken)
    {
        var file = MediaFolders.IsLibraryPath(path) ? await library.FindAsync(path!, cancellationToken) : null;
        var original = file is null ? null : folders.FileOf(tenant.Name, file.Path);
        if (file is null || original is null || !System.IO.File.Exists(original)) return NotFound();

        var served = original;
        var contentType = file.ContentType;
        var tag = $"{UnixTime.Ms(file.UploadedUtc):x}-{file.Length:x}";
        if (file.IsImage && Request.Query.TryGetValue("w", out var requested))
        {
            var width = ImageResizer.Snap(requested.ToString());
            // Never upscale: an image already this narrow is served as it is.
            if (file.Width is int actual && width < actual)
            {
                try
                {
                    served = await resizer.ResizedAsync(original, file.ContentType, width, cancellationToken);
                    contentType = ImageResizer.Output(file.ContentType).ContentType;
                    tag += "-w" + width;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The original passed the checks on upload; if it cannot be resized now, it is still worth showing.
                    logger.LogWarning(exception, "Resizing media {Path} to {Width} failed; serving the original", file.Path, width);
                }
            }
        }

        // Paths are never reused (deleted files keep their row), so a year's caching cannot show stale bytes.
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue("\"" + tag + "\"");
        // Images and PDF open in the browser; office documents and text download under their original name.
        return file.IsImage || file.ContentType == "application/pdf"
            ? PhysicalFile(served, contentType, file.UploadedUtc, etag, enableRangeProcessing: true)
            : PhysicalFile(served, contentType, file.FileName, file.UploadedUtc, etag, enableRangeProcessing: true);
    }
}
