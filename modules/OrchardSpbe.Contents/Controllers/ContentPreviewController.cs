using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Contents.Controllers;

/// <summary>The latest version (a draft too) as the public would see it once published — for its editors only, never cached.</summary>
[Area("Contents")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
public sealed class ContentPreviewController(ContentManager contents, ContentAuthorizer authorizer, DisplayModels models) : Controller
{
    [HttpGet("admin/contents/{id}/preview")]
    public async Task<IActionResult> Preview(string id)
    {
        var item = await contents.GetAsync(id);
        if (item is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, item)) return Forbid();
        Response.Headers.CacheControl = "no-store";
        var model = await models.BuildAsync(item);
        ViewData["Preview"] = true;
        return View($"~/Areas/Contents/Views/ContentDisplay/{(model.Children is not null ? "List" : "Item")}.cshtml", model);
    }
}
