using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;
using OrchardSpbe.Workflows.ViewModels;

namespace OrchardSpbe.Workflows.Controllers;

/// <summary>
/// "Tugas saya": the decisions waiting for the signed-in user's roles, and taking one. Roles decide who may
/// act, per action; a refusal is a 403 and is logged; a decision someone else took first is explained.
/// </summary>
[Area("Workflows")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
[Route("admin/tasks")]
public sealed class TasksController(
    WorkflowTaskStore tasks,
    TaskDecisions decisions,
    ContentManager contents,
    PermissionHandler permissions,
    ReturnedItems returned,
    PeopleNames names,
    IStringLocalizer<Strings> T) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Max(1, page);
        var (open, total) = await tasks.InboxAsync(UserRoles.Of(User), page, PageSize);
        return View(new TaskInboxViewModel
        {
            Tasks = open, Total = total, Page = page, PageCount = Pager.PageCountOf(total, PageSize),
            Returned = page == 1 ? await returned.OfOwnerAsync(User.Identity?.Name) : [],
        });
    }

    [HttpGet("{taskId}")]
    public async Task<IActionResult> Show(string taskId)
    {
        if (await decisions.GetAsync(taskId, User) is not { } view) return NotFound();
        var model = await ModelAsync(view);
        // A task names a draft: shown to who may decide it, follow workflows, edit all content, or owns the item.
        // Anyone else gets the same 404 as for a task that does not exist.
        return await MayReadAsync(model) ? View(model) : NotFound();
    }

    private async Task<bool> MayReadAsync(TaskViewModel model) =>
        model.View.AllowedActions.Count > 0
        || (model.Item is not null && model.Item.Owner == User.Identity?.Name)
        || await permissions.HasPermissionAsync(User, Permissions.ViewWorkflows.Name)
        || await permissions.HasPermissionAsync(User, Permissions.ManageWorkflows.Name)
        // The Contents module's right to edit every item (named here, not referenced: modules meet only in Core).
        || await permissions.HasPermissionAsync(User, "EditContent");

    /// <param name="versionId">The content version the page showed: the decision is for that version only (issue 16 §1).</param>
    [HttpPost("{taskId}/{decision}")]
    public async Task<IActionResult> Decide(string taskId, string decision, string? comment, string? versionId, string? returnUrl)
    {
        var result = await decisions.DecideAsync(taskId, decision, comment, versionId, User);
        switch (result.Kind)
        {
            case DecisionKind.NotFound: return NotFound();
            case DecisionKind.Forbidden: return Forbid();
            case DecisionKind.Invalid or DecisionKind.Conflict:
                var view = (await decisions.GetAsync(taskId, User))!;
                Response.StatusCode = result.Kind == DecisionKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return View("Show", await ModelAsync(view, result.Message, decision, comment));
        }
        var title = result.Instance!.CorrelationId is { } itemId && await contents.GetAsync(itemId) is { } item
            ? item.DisplayText : result.Instance.CorrelationTitle ?? "";
        TempData["Message"] = T["Keputusan '{0}' untuk '{1}' disimpan.", T[result.Action!.Label], title].Value;
        // Back where the decision was taken when that was an instance page; otherwise to the next decision in "Tugas saya".
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    private async Task<TaskViewModel> ModelAsync(TaskView view, string? error = null, string? action = null, string? comment = null)
    {
        var item = view.Task.CorrelationId is { } id ? await contents.GetAsync(id) : null;
        return new TaskViewModel
        {
            View = view, Item = item,
            // The version submitted for this decision (tasks from before versions were bound show the latest).
            VersionId = view.Task.ContentVersionId ?? item?.ContentItemVersionId,
            DecidedBy = await names.OfAsync(view.Task.DoneBy),
            Error = error, PostedAction = action, PostedComment = comment,
        };
    }
}
