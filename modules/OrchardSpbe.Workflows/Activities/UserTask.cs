using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// A decision a person takes: its actions (e.g. "approve", "reject"), each with the roles allowed to take it
/// and whether a comment is required. The instance waits until one is taken; the action is the outcome.
/// While it waits, the content item shows the task's review state (e.g. "Menunggu persetujuan"). The inbox shows
/// <c>taskTitle</c> (a template, e.g. "Tinjau: {{ content.title }}"), or the activity's title. With
/// <c>dueAfter</c> ("+3d") the task has a due date: if nobody decides by then, it expires and the instance goes on
/// with the outcome "Overdue" (a reminder, an escalation).
/// </summary>
public sealed class UserTask : IActivity
{
    public const string TypeName = "UserTask";

    public string Type => TypeName;
    public string DisplayName => "Tugas pengguna";
    public bool CanWait => true;

    public const string Overdue = "Overdue";

    /// <summary>The id of the timer wait that expires the task at <paramref name="activityId"/>.</summary>
    public static string DueWaitOf(string activityId) => activityId + "#due";

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) =>
        [.. ActionsOf(activity).Select(a => a.Name), .. activity.Text("dueAfter").Length > 0 ? [Overdue] : Array.Empty<string>()];

    public static IReadOnlyList<TaskAction> ActionsOf(ActivityDefinition activity) =>
        (activity.Properties["actions"] as JsonArray ?? []).OfType<JsonObject>().Select(TaskAction.FromJson).ToList();

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        errors.CheckTemplates(activity, "title", "taskTitle");
        var actions = ActionsOf(activity);
        if (actions.Count == 0) errors.Add(activity, errors.T["tugas pengguna harus punya paling sedikit satu tindakan."]);
        foreach (var action in actions)
        {
            if (action.Name.Length == 0 || action.Label.Length == 0) errors.Add(activity, errors.T["setiap tindakan harus punya 'name' dan 'label'."]);
            if (action.Roles.Count == 0) errors.Add(activity, errors.T["tindakan '{0}' harus menyebut peran yang boleh mengambilnya.", action.Name]);
            errors.CheckRoles(activity, action.Roles);
        }
        if (actions.GroupBy(a => a.Name).Any(g => g.Count() > 1)) errors.Add(activity, errors.T["nama tindakan harus unik."]);
        if (activity.Text("dueAfter") is { Length: > 0 } due && (!due.StartsWith('+') || WaitUntil.DueAfter(due, DateTimeOffset.UtcNow) is null))
            errors.Add(activity, errors.T["'dueAfter' harus jeda seperti \"+3d\", \"+12h\" atau \"+30m\"."]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var scripting = context.Services.GetRequiredService<WorkflowScripting>();
        var template = context.Activity.Text("taskTitle") is { Length: > 0 } t ? t : context.Activity.DisplayTitle;
        var title = await scripting.RenderAsync(template, await context.ModelAsync());
        var roles = ActionsOf(context.Activity).SelectMany(a => a.Roles).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var due = context.Activity.Text("dueAfter") is { Length: > 0 } after ? WaitUntil.DueAfter(after, context.Now) : null;
        await context.Services.GetRequiredService<WorkflowTaskStore>().CreateAsync(new WorkflowTask
        {
            Id = ContentItem.NewId(), InstanceId = context.Instance.Id, ActivityId = context.Activity.Id, Title = title,
            CorrelationId = context.Instance.CorrelationId, RolesText = string.Join(",", roles), CreatedUtc = context.Now, DueUtc = due,
            // The decision is bound to the version submitted now: an edit afterwards withdraws the submission.
            ContentVersionId = (await context.ContentAsync())?.ContentItemVersionId,
        });
        if (due is not null)
            await context.Services.GetRequiredService<WorkflowInstanceStore>().AddWaitAsync(
                context.Instance, DueWaitOf(context.Activity.Id), new WaitRequest(WaitRequest.TimerKind, DueUtc: due));
        if (context.Activity.Text("state") is { Length: > 0 } state && context.Instance.CorrelationId is { } itemId)
            await context.Services.GetRequiredService<ContentReviewStates>().SetAsync(itemId, state, context.Activity.Text("stateLabel"), context.Now);
        return ActivityResult.WaitFor(new WaitRequest(WaitRequest.TaskKind));
    }

    /// <summary>The task was closed with an action (checked by <see cref="Services.TaskDecisions"/>): that action is the outcome.</summary>
    public async Task<ActivityResult> ResumeAsync(ActivityContext context)
    {
        if (context.Instance.CorrelationId is { } itemId && context.Activity.Text("state").Length > 0)
            await context.Services.GetRequiredService<ContentReviewStates>().ClearAsync(itemId);
        return ActivityResult.Outcome(context.Input.Action ?? "");
    }
}

/// <summary>One button of a user task; <see cref="DoneLabel"/> ("Disetujui") names it in the review history.</summary>
public sealed record TaskAction(string Name, string Label, IReadOnlyList<string> Roles, bool RequiresComment, bool Primary)
{
    public string? DoneLabel { get; init; }

    public static TaskAction FromJson(JsonObject json) => new(
        WorkflowDefinition.Str(json, "name"), WorkflowDefinition.Str(json, "label"),
        (json["roles"] as JsonArray ?? []).Select(r => r is JsonValue v && v.TryGetValue<string>(out var role) ? role.Trim() : "").Where(r => r.Length > 0).ToList(),
        json["requiresComment"] is JsonValue c && c.TryGetValue<bool>(out var requires) && requires,
        json["primary"] is JsonValue p && p.TryGetValue<bool>(out var primary) && primary)
    {
        DoneLabel = WorkflowDefinition.Str(json, "doneLabel") is { Length: > 0 } done ? done : null,
    };

    public bool AllowedFor(System.Security.Claims.ClaimsPrincipal user) => Roles.Intersect(UserRoles.Of(user), StringComparer.OrdinalIgnoreCase).Any();
}
