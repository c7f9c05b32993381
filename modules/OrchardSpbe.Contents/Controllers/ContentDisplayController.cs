using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Contents.ViewModels;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;

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
    ContentDefinitionStore definitions,
    TimeProvider clock) : Controller
{
    private const int PageSize = 12;

    /// <summary>Last in line: every literal route of the platform and its modules wins over this one.</summary>
    [HttpGet("{**path}", Order = 1000)]
    [OutputCache(PolicyName = AnonymousPageCachePolicy.Name)]
    public async Task<IActionResult> Display(string? path, string? kategori, int page = 1)
    {
        var normalized = (path ?? "").Trim('/').ToLowerInvariant();
        if (normalized.Length == 0 || normalized.Length > 200) return NotFoundPage();
        var item = await routes.FindPublishedAsync(normalized);
        if (item is null)
        {
            var target = await routes.RedirectTargetAsync(normalized);
            return target is null ? NotFoundPage() : RedirectPermanent(Request.PathBase + target);
        }
        return await ShowAsync(item, page, kategori);
    }

    /// <summary>Items without an address of their own.</summary>
    [HttpGet("contents/{id}")]
    [OutputCache(PolicyName = AnonymousPageCachePolicy.Name)]
    public async Task<IActionResult> ById(string id, int page = 1)
    {
        var item = await contents.GetAsync(id, published: true);
        if (item is null) return NotFoundPage();
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
        Response.Headers.CacheControl = "public, max-age=30";
        var type = await definitions.FindAsync(item.ContentType) ?? new ContentTypeDefinition { Name = item.ContentType, DisplayName = item.ContentType };
        page = Math.Clamp(page, 1, 10_000);
        var model = type.Part(ContentParts.List) is { } list
            ? await ListModelAsync(item, type, list, page, term)
            : new DisplayViewModel
            {
                Item = item, Type = type,
                Container = item.ContainerId is { } containerId ? await contents.GetAsync(containerId, published: true) : null,
                Terms = await TermsAsync(item, type),
            };
        return View(model.Children is not null ? "List" : "Item", model);
    }

    private async Task<DisplayViewModel> ListModelAsync(ContentItem item, ContentTypeDefinition type, PartDefinition list, int page, string? term)
    {
        var containedTypes = list.List("ContainedContentTypes");
        var allTypes = (await definitions.GetAsync()).Types;
        var isAgenda = containedTypes.Any(name => allTypes.FirstOrDefault(t => t.Name == name)?.HasPart(ContentParts.Event) == true);
        var pageSize = list.Number("PageSize", PageSize);
        if (!isAgenda)
        {
            return new DisplayViewModel
            {
                Item = item, Type = type, TermId = string.IsNullOrWhiteSpace(term) ? null : term,
                Children = await contents.Store.QueryAsync(new ContentQuery
                {
                    Status = ContentStatus.Published, ContainerId = item.ContentItemId, Order = ContentOrder.PublishedDesc,
                    TermId = string.IsNullOrWhiteSpace(term) ? null : term, Page = page, PageSize = pageSize, WithContent = true,
                }),
            };
        }
        var now = clock.GetUtcNow();
        return new DisplayViewModel
        {
            Item = item, Type = type, IsAgenda = true,
            // An event stays "upcoming" through its day.
            Children = await contents.Store.QueryAsync(new ContentQuery
            {
                Status = ContentStatus.Published, ContainerId = item.ContentItemId, EventStartsFrom = now.AddHours(-12),
                Order = ContentOrder.EventStartAsc, Page = page, PageSize = pageSize, WithContent = true,
            }),
            Past = await contents.Store.QueryAsync(new ContentQuery
            {
                Status = ContentStatus.Published, ContainerId = item.ContentItemId, EventStartsBefore = now.AddHours(-12),
                Order = ContentOrder.EventStartDesc, Page = 1, PageSize = pageSize, WithContent = true,
            }),
        };
    }

    private async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(ContentItem item, ContentTypeDefinition type)
    {
        var terms = new List<TaxonomyTerm>();
        foreach (var field in type.Fields.Where(f => f.Type == ContentFieldTypes.Taxonomy))
        {
            var taxonomyId = field.Settings["TaxonomyContentItemId"]?.GetValue<string>();
            if (taxonomyId is null || await contents.GetAsync(taxonomyId, published: true) is not { } taxonomy) continue;
            var picked = (item.Fields[field.Name]?["TermIds"] as System.Text.Json.Nodes.JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
            terms.AddRange(taxonomy.As<TaxonomyPart>(ContentParts.Taxonomy).Terms.Where(t => picked.Contains(t.Id)));
        }
        return terms;
    }
}
