using System.Security.Claims;
using OrchardSpbe.Content;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// What the content editor shows of an item's approval: whether its type goes through review, its review state,
/// the last decision's comment (a rejection's reason, for the author, marked answered once resubmitted), how the
/// last review ended, and the task buttons this user may press.
/// </summary>
public sealed class ContentReview(
    WorkflowTriggers triggers,
    WorkflowTaskStore tasks,
    WorkflowInstanceStore instances,
    ContentReviewStates states,
    TaskDecisions decisions,
    ReviewStory stories,
    PeopleNames names) : IContentReview
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
        var history = await instances.HistoryAsync(instance.Id);
        // The comment matters while the item is in this review; once approved or cancelled it is history.
        var comment = instance.IsFinished ? null : history.LastOrDefault(h => h.Comment is not null && h.Action is not null);
        var answered = comment is not null && history.Any(h => h.Id > comment.Id && ReviewStory.IsResubmission(h));
        var last = instance.IsFinished ? (await stories.ActsAsync([instance], history)).LastOrDefault() : null;
        return new ContentReviewView(label, comment?.Comment, await names.OfAsync(comment?.Actor), comment?.AtUtc, actions,
            AwaitingDecision: task is not null, $"/admin/workflows/items/{item.ContentItemId}")
        {
            LastCommentAnswered = answered,
            LastDecision = last is null ? null : new ContentReviewDecision(last.Label, await names.OfAsync(last.Actor), last.AtUtc),
            DecisionVersionId = task?.ContentVersionId,
        };
    }
}
