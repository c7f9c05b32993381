using System.Security.Claims;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Handlers;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// A person takes an action on a user task: checked against the action's roles (a refusal is logged), a
/// required comment enforced, and the task closed and the instance resumed in one transaction. When two
/// people decide at once, the first wins and the second is told who decided.
/// </summary>
public sealed class TaskDecisions(
    WorkflowTaskStore tasks,
    WorkflowInstanceStore instances,
    WorkflowDefinitionStore definitions,
    WorkflowExecutor executor,
    ContentManager contents,
    TenantSession session,
    AuditLog audit,
    PeopleNames names,
    TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    /// <summary>The task, its definition's activity and the actions this user may take (empty when none).</summary>
    public async Task<TaskView?> GetAsync(string taskId, ClaimsPrincipal user)
    {
        var task = await tasks.GetAsync(taskId);
        return task is null ? null : await ViewAsync(task, user);
    }

    public async Task<TaskView> ViewAsync(WorkflowTask task, ClaimsPrincipal user)
    {
        var instance = await instances.GetAsync(task.InstanceId);
        var definition = instance is null ? null : await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion);
        var activity = definition?.Activity(task.ActivityId);
        var actions = activity is null ? [] : UserTask.ActionsOf(activity);
        return new TaskView(task, instance, definition, actions, actions.Where(a => a.AllowedFor(user)).ToList());
    }

    /// <param name="shownVersionId">
    /// The content version the decision form showed. A task about a content item is decided on the version that was
    /// submitted, and only while it is still the latest; otherwise the decision is refused and nothing changes.
    /// </param>
    public async Task<DecisionResult> DecideAsync(string taskId, string actionName, string? comment, string? shownVersionId, ClaimsPrincipal user)
    {
        var view = await GetAsync(taskId, user);
        if (view?.Instance is null || view.Definition is null) return DecisionResult.NotFound();
        var actor = user.Identity?.Name;
        var action = view.Actions.FirstOrDefault(a => a.Name == actionName);
        if (action is null) return DecisionResult.NotFound();
        if (!action.AllowedFor(user))
        {
            await audit.RecordAsync("workflow.task.denied", "workflow:" + view.Task.InstanceId,
                $"{actionName} on \"{view.Task.Title}\" refused: needs {string.Join("/", action.Roles)}", actor);
            return DecisionResult.Forbidden();
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (action.RequiresComment && comment is null)
            return DecisionResult.Invalid(T["Tindakan '{0}' memerlukan catatan: tuliskan alasannya untuk penulis.", action.Label]);
        if (comment?.Length > 4000) return DecisionResult.Invalid(T["Catatan paling banyak 4.000 karakter."]);

        var boundVersion = view.Task.ContentVersionId;
        if (boundVersion is not null && shownVersionId != boundVersion) return await ChangedAsync(view.Task);

        await using var transaction = await session.BeginTransactionAsync();
        // First the content row, then the task: an edit saved at the same moment takes them in the same order, so on
        // PostgreSQL one waits for the other and this sees the edit (and refuses) or the edit sees the closed task.
        if (boundVersion is not null && view.Task.CorrelationId is { } itemId && !await contents.Store.ClaimLatestAsync(itemId, boundVersion))
            return await ChangedAsync(view.Task);
        if (!await tasks.CloseAsync(taskId, WorkflowTask.Done, actor, action.Name, comment, clock.GetUtcNow())
            || !await instances.ClaimWaitAsync(view.Task.InstanceId, view.Task.ActivityId))
            return await AlreadyDecidedAsync(taskId);
        await instances.ClaimWaitAsync(view.Task.InstanceId, UserTask.DueWaitOf(view.Task.ActivityId));
        var instance = await instances.GetAsync(view.Task.InstanceId);
        if (instance is null || instance.IsFinished) return await AlreadyDecidedAsync(taskId);
        await executor.ResumeAsync(view.Definition, instance, view.Task.ActivityId, new WorkflowInput(actor, action.Name, comment, boundVersion));
        await audit.RecordAsync("workflow.task." + action.Name, "workflow:" + instance.Id, $"\"{view.Task.Title}\": {action.Label}", actor);
        await transaction.CommitAsync();
        return DecisionResult.Done(action, instance);
    }

    private async Task<DecisionResult> AlreadyDecidedAsync(string taskId)
    {
        var task = await tasks.GetAsync(taskId);
        if (task?.DoneAction == Withdrawal.Action) return await ChangedAsync(task);
        return DecisionResult.Conflict(task?.DoneBy is { } by
            ? T["Tugas ini sudah diputuskan oleh {0} ({1}); keputusan Anda tidak disimpan.", await names.OfAsync(by), task.DoneAction ?? ""]
            : T["Tugas ini sudah tidak menunggu keputusan; keputusan Anda tidak disimpan."]);
    }

    /// <summary>The item was edited after it was submitted (or after the page was shown): the decision is not taken.</summary>
    private Task<DecisionResult> ChangedAsync(WorkflowTask task) => Task.FromResult(DecisionResult.Conflict(
        T["'{0}' diubah setelah diajukan, sehingga pengajuan ini ditarik; keputusan Anda tidak disimpan. Versi baru akan tampil setelah penulis mengajukannya ulang.", task.Title]));
}

public sealed record TaskView(
    WorkflowTask Task, WorkflowInstance? Instance, WorkflowDefinition? Definition,
    IReadOnlyList<TaskAction> Actions, IReadOnlyList<TaskAction> AllowedActions);

public enum DecisionKind { Done, NotFound, Forbidden, Invalid, Conflict }

public sealed record DecisionResult(DecisionKind Kind, string? Message, TaskAction? Action, WorkflowInstance? Instance)
{
    public static DecisionResult Done(TaskAction action, WorkflowInstance instance) => new(DecisionKind.Done, null, action, instance);
    public static DecisionResult NotFound() => new(DecisionKind.NotFound, null, null, null);
    public static DecisionResult Forbidden() => new(DecisionKind.Forbidden, null, null, null);
    public static DecisionResult Invalid(string message) => new(DecisionKind.Invalid, message, null, null);
    public static DecisionResult Conflict(string message) => new(DecisionKind.Conflict, message, null, null);
}
