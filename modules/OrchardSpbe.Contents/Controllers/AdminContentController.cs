using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Editors;
using OrchardSpbe.Contents.Handlers;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Contents.ViewModels;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Contents.Controllers;

/// <summary>The content list and the editor: drafts, publishing, history, restore — as a PD's website team works.</summary>
[Area("Contents")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
[Route("admin/contents")]
public sealed class AdminContentController(
    ContentManager contents,
    ContentDefinitionStore definitions,
    ContentEditorService editors,
    ContentAuthorizer authorizer,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    private string? UserName => User.Identity?.Name;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, string? status, string? owner, string? q, int page = 1)
    {
        var types = (await definitions.GetAsync()).Types;
        var query = new ContentQuery
        {
            ContentTypes = string.IsNullOrEmpty(type) ? types.Where(t => t.Listable).Select(t => t.Name).ToList() : [type],
            Status = status switch { "published" => ContentStatus.Published, "draft" => ContentStatus.Draft, _ => ContentStatus.Latest },
            Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            TitleContains = q,
            Page = Math.Max(1, page),
            PageSize = 20,
        };
        var result = await contents.Store.QueryAsync(query);
        var publishedIds = result.Items.Where(i => i.Published).Select(i => i.ContentItemId).ToHashSet();
        var canCreate = await authorizer.CanCreateAsync(User);
        return View(new ContentListViewModel
        {
            Page = result, Types = types.Where(t => t.Listable).ToList(),
            CreatableTypes = canCreate ? types.Where(t => t.Creatable).ToList() : [],
            Type = type, Status = status ?? "", Owner = owner, Q = q, PublishedIds = publishedIds,
        });
    }

    [HttpGet("create/{type}")]
    public async Task<IActionResult> Create(string type, string? list)
    {
        var item = await contents.NewAsync(type);
        if (item is null) return NotFound();
        if (!await authorizer.CanCreateAsync(User)) return Forbid();
        item.Owner = UserName;
        if (!string.IsNullOrEmpty(list)) item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = list });
        return await EditorAsync(item, isNew: true, new Dictionary<string, string>());
    }

    [HttpPost("create/{type}")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> CreatePost(string type, string submit)
    {
        var item = await contents.NewAsync(type);
        if (item is null) return NotFound();
        if (!await authorizer.CanCreateAsync(User)) return Forbid();
        item.Owner = UserName;
        var publish = submit == "publish";
        if (publish && !await authorizer.CanPublishAsync(User, item)) return Forbid();
        var typeDefinition = (await definitions.FindAsync(type))!;
        var errors = await editors.UpdateAsync(item, typeDefinition, Request.Form, UserName);
        if (errors.Count > 0) return await EditorAsync(item, isNew: true, errors, Request.Form);
        var result = await contents.CreateAsync(item, publish, UserName);
        TempData["Message"] = publish ? T["'{0}' diterbitkan.", item.DisplayText].Value : T["Draf '{0}' disimpan.", item.DisplayText].Value;
        return RedirectToAction(nameof(Edit), new { id = result.Item!.ContentItemId });
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await contents.GetAsync(id);
        if (item is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, item)) return Forbid();
        return await EditorAsync(item, isNew: false, new Dictionary<string, string>());
    }

    [HttpPost("{id}/edit")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Edit(string id, string versionId, string submit)
    {
        var item = await contents.GetAsync(id);
        if (item is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, item)) return Forbid();
        var publish = submit == "publish";
        if (publish && !await authorizer.CanPublishAsync(User, item)) return Forbid();
        var type = (await definitions.FindAsync(item.ContentType))!;
        if (item.ContentItemVersionId != versionId)
            return await EditorAsync(item, isNew: false, new Dictionary<string, string>(), formError: T[CommonText.StaleEdit]);
        var errors = await editors.UpdateAsync(item, type, Request.Form, UserName);
        if (errors.Count > 0) return await EditorAsync(item, isNew: false, errors, Request.Form, versionId);
        var result = await contents.UpdateAsync(item, versionId, publish, UserName);
        if (result.Kind == ContentOutcomeKind.Stale)
        {
            var current = (await contents.GetAsync(id))!;
            return await EditorAsync(current, isNew: false, new Dictionary<string, string>(), formError: T[CommonText.StaleEdit]);
        }
        TempData["Message"] = publish ? T["'{0}' diterbitkan.", item.DisplayText].Value : T["Draf '{0}' disimpan.", item.DisplayText].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/publish")]
    public Task<IActionResult> Publish(string id) =>
        ActAsync(id, authorizer.CanPublishAsync, () => contents.PublishAsync(id, UserName), "'{0}' diterbitkan.");

    [HttpPost("{id}/unpublish")]
    public Task<IActionResult> Unpublish(string id) =>
        ActAsync(id, authorizer.CanPublishAsync, () => contents.UnpublishAsync(id, UserName), "'{0}' ditarik dari situs publik.");

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var response = await ActAsync(id, authorizer.CanDeleteAsync, () => contents.RemoveAsync(id, UserName), "'{0}' dihapus.");
        return response is RedirectToActionResult ? RedirectToAction(nameof(Index)) : response;
    }

    [HttpPost("{id}/clone")]
    public async Task<IActionResult> Clone(string id)
    {
        var item = await contents.GetAsync(id);
        if (item is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, item) || !await authorizer.CanCreateAsync(User)) return Forbid();
        var result = await contents.CloneAsync(id, " " + T["(salinan)"], UserName);
        TempData["Message"] = T["Salinan '{0}' dibuat sebagai draf.", item.DisplayText].Value;
        return RedirectToAction(nameof(Edit), new { id = result.Item!.ContentItemId });
    }

    [HttpGet("{id}/history")]
    public async Task<IActionResult> History(string id)
    {
        var latest = await contents.GetAsync(id);
        if (latest is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, latest)) return Forbid();
        return View(new ContentHistoryViewModel
        {
            Latest = latest,
            Type = await definitions.FindAsync(latest.ContentType) ?? new ContentTypeDefinition { Name = latest.ContentType, DisplayName = latest.ContentType },
            Versions = await contents.Store.ListVersionsAsync(id),
            Trail = await audit.ListForTargetAsync(ContentAuditHandler.TargetPrefix + id),
            CanEdit = true,
        });
    }

    [HttpGet("{id}/diff")]
    public async Task<IActionResult> Diff(string id, string from, string to)
    {
        var latest = await contents.GetAsync(id);
        if (latest is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, latest)) return Forbid();
        var older = await contents.Store.GetVersionAsync(from ?? "");
        var newer = await contents.Store.GetVersionAsync(to ?? "");
        if (older?.ContentItemId != id || newer?.ContentItemId != id) return NotFound();
        return View(new ContentDiffViewModel { Latest = latest, From = older, To = newer, Lines = VersionDiff.Compare(older, newer) });
    }

    [HttpPost("{id}/restore")]
    public async Task<IActionResult> Restore(string id, string versionId, string expectedVersionId)
    {
        var latest = await contents.GetAsync(id);
        if (latest is null) return NotFound();
        if (!await authorizer.CanEditAsync(User, latest)) return Forbid();
        var isPublic = await contents.GetAsync(id, published: true) is not null;
        if (isPublic && !await authorizer.CanPublishAsync(User, latest)) return Forbid();
        var result = await contents.RestoreAsync(id, versionId, expectedVersionId, UserName);
        if (result.Kind == ContentOutcomeKind.Stale) TempData["Error"] = T[CommonText.StaleEdit].Value;
        else if (!result.Succeeded) return NotFound();
        else TempData["Message"] = T["Versi {0} dipulihkan sebagai versi {1}.", (await contents.Store.GetVersionAsync(versionId))!.Number, result.Item!.Number].Value;
        return RedirectToAction(nameof(History), new { id });
    }

    /// <summary>Publish, unpublish or delete several items; each is checked and done on its own.</summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(string bulkAction, string[] ids, string? returnUrl)
    {
        var done = 0;
        var refused = 0;
        foreach (var id in ids.Distinct())
        {
            var item = await contents.GetAsync(id);
            if (item is null) continue;
            var allowed = bulkAction == "delete" ? await authorizer.CanDeleteAsync(User, item) : await authorizer.CanPublishAsync(User, item);
            if (!allowed) { refused++; continue; }
            var result = bulkAction switch
            {
                "publish" => await contents.PublishAsync(id, UserName),
                "unpublish" => await contents.UnpublishAsync(id, UserName),
                "delete" => await contents.RemoveAsync(id, UserName),
                _ => null,
            };
            if (result?.Succeeded == true) done++;
        }
        TempData["Message"] = T["{0} konten diproses.", done].Value;
        if (refused > 0) TempData["Error"] = T["{0} konten dilewati karena Anda tidak berwenang.", refused].Value;
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> ActAsync(string id, Func<System.Security.Claims.ClaimsPrincipal, ContentItem, Task<bool>> allowed,
        Func<Task<ContentOutcome>> act, string message)
    {
        var item = await contents.GetAsync(id);
        if (item is null) return NotFound();
        if (!await allowed(User, item)) return Forbid();
        await act();
        TempData["Message"] = T[message, item.DisplayText].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> EditorAsync(ContentItem item, bool isNew, IDictionary<string, string> errors,
        Microsoft.AspNetCore.Http.IFormCollection? form = null, string? versionId = null, string? formError = null)
    {
        var type = (await definitions.FindAsync(item.ContentType))!;
        if (versionId is not null) item.ContentItemVersionId = versionId;
        var published = isNew ? null : await contents.GetAsync(item.ContentItemId, published: true);
        return View("Edit", new ContentEditViewModel
        {
            Item = item, Type = type, IsNew = isNew,
            Editors = await editors.BuildAsync(item, type, errors, form),
            CanPublish = await authorizer.CanPublishAsync(User, item),
            CanDelete = !isNew && await authorizer.CanDeleteAsync(User, item),
            HasPublishedVersion = published is not null,
            PublicUrl = published is null ? null : ContentUrls.PathOf(published),
            FormError = formError ?? (errors.Count > 0 ? T["Periksa kembali isian yang ditandai."].Value : null),
        });
    }
}
