using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Contents.ViewModels;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.Contents.Controllers;

/// <summary>
/// Published items at their public address: pages, news, events, and lists (a news list pages its news,
/// an agenda shows upcoming and past events). An address that moved answers with a permanent redirect.
/// </summary>
[Area("Contents")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
public sealed class ContentDisplayController(
    PublicRoutes routes,
    ContentManager contents,
    DisplayModels models,
    IEnumerable<SelfDisplayedType> selfDisplayed) : Controller
{
    private readonly HashSet<string> _selfDisplayed = selfDisplayed.Select(t => t.ContentType).ToHashSet(StringComparer.Ordinal);

    /// <summary>Last in line: every literal route of the platform and its modules wins over this one.</summary>
    [HttpGet("{**path}", Order = 1000)]
    [PublicPage]
    public async Task<IActionResult> Display(string? path, string? kategori, int page = 1)
    {
        var normalized = (path ?? "").Trim('/').ToLowerInvariant();
        if (normalized.Length == 0 || normalized.Length > 200) return NotFoundPage();
        var item = await routes.FindPublishedAsync(normalized);
        if (item is not null && _selfDisplayed.Contains(item.ContentType)) return NotFoundPage();
        if (item is null)
        {
            var target = await routes.RedirectTargetAsync(normalized);
            return target is null ? NotFoundPage() : RedirectPermanent(Request.PathBase + target);
        }
        return await ShowAsync(item, page, kategori);
    }

    /// <summary>Items without an address of their own.</summary>
    [HttpGet("contents/{id}")]
    [PublicPage]
    public async Task<IActionResult> ById(string id, int page = 1)
    {
        var item = await contents.GetAsync(id, published: true);
        if (item is null || _selfDisplayed.Contains(item.ContentType)) return NotFoundPage();
        if (item.As<AutoroutePart>(ContentParts.Autoroute).Path.Length > 0) return RedirectPermanent(Request.PathBase + ContentUrls.PathOf(item));
        return await ShowAsync(item, page);
    }

    /// <summary>A page in the site's look that says so and offers the way on, rather than the browser's blank error.</summary>
    private ViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }

    private async Task<IActionResult> ShowAsync(ContentItem item, int page, string? term = null)
    {
        Response.Headers.CacheControl = PublicPages.Revalidate;
        var model = await models.BuildAsync(item, page, term);
        return View(model.Children is not null ? "List" : "Item", model);
    }
}
