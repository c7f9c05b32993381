using System.Security.Claims;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// What the content editor shows of an item's approval: whether its type goes through review, its review state,
/// the last decision's comment (a rejection's reason, for the author), and the task buttons this user may press.
/// </summary>
public sealed class ContentReview(
    WorkflowTriggers triggers,
    WorkflowTaskStore tasks,
    WorkflowInstanceStore instances,
    ContentReviewStates states,
    TaskDecisions decisions) : IContentReview
{
    /// <summary>On a site without workflows (the portal, or a PD that switched them off) nothing is moderated.</summary>
    public string? FeatureId => Manifest.FeatureId;

    public Task<bool> IsModeratedAsync(string contentType) => triggers.StartsOnAsync(ContentEvents.Submitted, contentType);

    public async Task<ContentReviewView?> GetAsync(ClaimsPrincipal user, ContentItem item)
    {
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
        var comment = instance.IsFinished ? null : await instances.LastCommentAsync(instance.Id);
        return new ContentReviewView(label, comment?.Comment, comment?.Actor, comment?.AtUtc, actions, AwaitingDecision: task is not null,
            $"/admin/workflows/items/{item.ContentItemId}");
    }
}
