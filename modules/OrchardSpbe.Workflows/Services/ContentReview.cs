using System.Security.Claims;
using OrchardSpbe.Content;
using OrchardSpbe.Tenants;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// What the content editor shows of an item's approval: whether its type goes through review, its review state,
/// the last decision's comment (a rejection's reason, for the author), and the task buttons this user may press.
/// On a site without the Workflows feature (the portal, or a PD that switched it off) nothing is moderated.
/// </summary>
public sealed class ContentReview(
    TenantContext tenant,
    WorkflowTriggers triggers,
    WorkflowTaskStore tasks,
    WorkflowInstanceStore instances,
    ContentReviewStates states,
    TaskDecisions decisions) : IContentReview
{
    private bool Enabled => tenant.Shell.IsFeatureEnabled(Manifest.FeatureId);

    public async Task<bool> IsModeratedAsync(string contentType) =>
        Enabled && await triggers.StartsOnAsync(ContentEvents.Submitted, contentType);

    public async Task<ContentReviewView?> GetAsync(ClaimsPrincipal user, ContentItem item)
    {
        if (!Enabled) return null;
        var instance = await instances.LatestForAsync(item.ContentItemId);
        if (instance is null) return null;
        var label = (await states.LabelsOfAsync([item.ContentItemId])).GetValueOrDefault(item.ContentItemId);
        var actions = new List<ContentReviewAction>();
        var task = await tasks.OpenForItemAsync(item.ContentItemId);
        if (task is not null)
        {
            var view = await decisions.ViewAsync(task, user);
            actions.AddRange(view.AllowedActions.Select((a, i) =>
                new ContentReviewAction(a.Label, $"/admin/tasks/{task.Id}/{a.Name}", a.RequiresComment, a.Primary || i == 0)));
        }
        // The comment matters while the item is in this review; once approved or cancelled it is history.
        var comment = instance.IsFinished ? null : instance.LastComment;
        return new ContentReviewView(label, comment?.Text, comment?.By, comment?.At, actions, AwaitingDecision: task is not null,
            $"/admin/workflows/items/{item.ContentItemId}");
    }
}
