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
    ContentReviewStates reviewStates,
    OrchardSpbe.Data.TenantSession session,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    private string? UserName => User.Identity?.Name;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, string? status, string? owner, string? q, string? review, int page = 1)
    {
        var types = (await definitions.GetAsync()).Types;
        var query = new ContentQuery
        {
            ContentTypes = string.IsNullOrEmpty(type) ? types.Where(t => t.Listable).Select(t => t.Name).ToList() : [type],
            Status = status switch { "published" => ContentStatus.Published, "draft" => ContentStatus.Draft, _ => ContentStatus.Latest },
            Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            // Authors and contributors (own content only) see others' items only once published.
            DraftsOnlyOf = await authorizer.HasAsync(User, Permissions.EditContent) || await authorizer.HasAsync(User, Permissions.PublishContent)
                ? null : UserName ?? "",
            TitleContains = q,
            ReviewState = string.IsNullOrWhiteSpace(review) ? null : review,
            Page = Math.Max(1, page),
            PageSize = 20,
        };
        var result = await contents.Store.QueryAsync(query);
        var publishedIds = result.Items.Where(i => i.Published).Select(i => i.ContentItemId).ToHashSet();
        var canCreate = await authorizer.CanCreateAsync(User);
        var listable = types.Where(t => t.Listable).ToList();
        var mayPublish = await authorizer.HasAsync(User, Permissions.PublishContent) || await authorizer.HasAsync(User, Permissions.PublishOwnContent);
        var allModerated = true;
        foreach (var t in listable) allModerated &= await authorizer.IsModeratedAsync(t.Name);
        // Only the bulk actions this user can take are offered (an Author on a moderated site gets none).
        var bulkActions = new List<string>();
        if (mayPublish && (!allModerated || await authorizer.HasAsync(User, Permissions.ForcePublishContent))) bulkActions.Add("publish");
        if (mayPublish) bulkActions.Add("unpublish");
        if (await authorizer.HasAsync(User, Permissions.DeleteContent) || await authorizer.HasAsync(User, Permissions.DeleteOwnContent)) bulkActions.Add("delete");
        return View(new ContentListViewModel
        {
            Page = result, Types = listable, BulkActions = bulkActions,
            CreatableTypes = canCreate ? types.Where(t => t.Creatable).ToList() : [],
            Type = type, Status = status ?? "", Owner = owner, Q = q, PublishedIds = publishedIds,
            Review = review, ReviewStates = await reviewStates.InUseAsync(),
            ReviewLabels = await reviewStates.LabelsOfAsync(result.Items.Select(i => i.ContentItemId).ToList()),
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
        if (await RefuseSubmitAsync(submit, item) is { } refusal) return refusal;
        var typeDefinition = (await definitions.FindAsync(type))!;
        var errors = await editors.UpdateAsync(item, typeDefinition, Request.Form, UserName);
        await CheckScheduleAsync(item, previous: null, errors);
        if (errors.Count > 0) return await EditorAsync(item, isNew: true, errors, Request.Form);
        var result = await SaveAsync(item, submit, () => contents.CreateAsync(item, submit == "publish", UserName));
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
        if (await RefuseSubmitAsync(submit, item) is { } refusal) return refusal;
        var type = (await definitions.FindAsync(item.ContentType))!;
        var previousSchedule = item.Has(ContentParts.PublishLater) ? item.As<PublishLaterPart>(ContentParts.PublishLater).ScheduledPublishUtc : null;
        if (item.ContentItemVersionId != versionId)
            return await EditorAsync(item, isNew: false, new Dictionary<string, string>(), formError: T[CommonText.StaleEdit]);
        var errors = await editors.UpdateAsync(item, type, Request.Form, UserName);
        await CheckScheduleAsync(item, previousSchedule, errors);
        if (errors.Count > 0) return await EditorAsync(item, isNew: false, errors, Request.Form, versionId);
        var result = await SaveAsync(item, submit, () => contents.UpdateAsync(item, versionId, submit == "publish", UserName));
        if (result.Kind == ContentOutcomeKind.Stale)
        {
            var current = (await contents.GetAsync(id))!;
            return await EditorAsync(current, isNew: false, new Dictionary<string, string>(), formError: T[CommonText.StaleEdit]);
        }
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/publish")]
    public Task<IActionResult> Publish(string id) =>
        ActAsync(id, authorizer.CanPublishDirectlyAsync, () => PublishDirectlyAsync(id), "'{0}' diterbitkan.");

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
        if (isPublic && !await authorizer.CanPublishDirectlyAsync(User, latest)) return Forbid();
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
            var allowed = bulkAction switch
            {
                "delete" => await authorizer.CanDeleteAsync(User, item),
                "publish" => await authorizer.CanPublishDirectlyAsync(User, item),
                _ => await authorizer.CanPublishAsync(User, item),
            };
            if (!allowed) { refused++; continue; }
            var result = bulkAction switch
            {
                "publish" => await PublishDirectlyAsync(id),
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
        var moderated = await authorizer.IsModeratedAsync(item.ContentType);
        var canPublish = await authorizer.CanPublishDirectlyAsync(User, item);
        // Options the user cannot use are not offered: a schedule on a moderated type needs the direct-publish right.
        ViewData["CanSchedule"] = canPublish || !moderated;
        return View("Edit", new ContentEditViewModel
        {
            Item = item, Type = type, IsNew = isNew,
            Editors = await editors.BuildAsync(item, type, errors, form),
            CanPublish = canPublish,
            CanUnpublish = await authorizer.CanPublishAsync(User, item),
            IsModerated = moderated,
            Review = isNew || authorizer.Review is null ? null : await authorizer.Review.GetAsync(User, item),
            CanDelete = !isNew && await authorizer.CanDeleteAsync(User, item),
            HasPublishedVersion = published is not null,
            PublicUrl = published is null ? null : ContentUrls.PathOf(published),
            FormError = formError ?? (errors.Count > 0 ? T["Periksa kembali isian yang ditandai."].Value : null),
        });
    }

    /// <summary>"publish" needs the direct-publish right; "submit" (for review) only exists on moderated types.</summary>
    private async Task<IActionResult?> RefuseSubmitAsync(string submit, ContentItem item) => submit switch
    {
        "publish" when !await authorizer.CanPublishDirectlyAsync(User, item) => Forbid(),
        "submit" when !await authorizer.IsModeratedAsync(item.ContentType) => BadRequest(),
        _ => null,
    };

    /// <summary>
    /// A publish date is a publish: setting or changing one needs the right to publish directly (otherwise the
    /// scheduler would publish what nobody approved).
    /// </summary>
    private async Task CheckScheduleAsync(ContentItem item, DateTimeOffset? previous, IDictionary<string, string> errors)
    {
        var scheduled = item.Has(ContentParts.PublishLater) ? item.As<PublishLaterPart>(ContentParts.PublishLater).ScheduledPublishUtc : null;
        if (scheduled is null || scheduled == previous || await authorizer.CanPublishDirectlyAsync(User, item)) return;
        errors.TryAdd(ContentParts.PublishLater + ".ScheduledPublish", await authorizer.IsModeratedAsync(item.ContentType)
            ? T["Jadwal terbit hanya dapat diatur oleh yang berhak menerbitkan langsung; kosongkan jadwal lalu ajukan untuk ditinjau."]
            : T["Jadwal terbit hanya dapat diatur oleh yang berhak menerbitkan."]);
    }

    /// <summary>Saves, then submits for review or records a publish that bypassed review — in one transaction.</summary>
    private async Task<ContentOutcome> SaveAsync(ContentItem item, string submit, Func<Task<ContentOutcome>> save)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var result = await save();
        if (!result.Succeeded) return result;
        if (submit == "submit") await contents.SubmitAsync(result.Item!.ContentItemId, UserName);
        if (submit == "publish") await RecordForcedPublishAsync(result.Item!);
        await transaction.CommitAsync();
        // The saved version's title (the form's new one), not the one the editor opened with.
        var title = result.Item!.DisplayText;
        TempData["Message"] = (submit switch
        {
            "publish" => T["'{0}' diterbitkan.", title],
            "submit" => T["'{0}' diajukan untuk ditinjau.", title],
            _ => T["Draf '{0}' disimpan.", title],
        }).Value;
        return result;
    }

    private async Task<ContentOutcome> PublishDirectlyAsync(string id)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var result = await contents.PublishAsync(id, UserName);
        if (result.Succeeded) await RecordForcedPublishAsync(result.Item!);
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>On a moderated type a direct publish bypassed review: the audit log says who did.</summary>
    private async Task RecordForcedPublishAsync(ContentItem item)
    {
        if (await authorizer.IsModeratedAsync(item.ContentType))
            await audit.RecordAsync("content.force-published", ContentAuditHandler.TargetPrefix + item.ContentItemId,
                $"\"{item.DisplayText}\" v{item.Number} published without review", UserName);
    }
}
