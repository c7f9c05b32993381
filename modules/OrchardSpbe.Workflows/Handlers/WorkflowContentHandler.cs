using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Audit;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Handlers;

/// <summary>
/// Turns content events into workflow events, inside the content change's transaction: a rejected approval and
/// the saved draft commit together. A publish that no workflow made (an administrator's force-publish) settles
/// the item's open review and is recorded in its history; removing an item cancels its instances.
/// </summary>
/// <remarks>Services are resolved from the context, not the constructor: the executor needs the ContentManager that calls this.</remarks>
public sealed class WorkflowContentHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public Task CreatedAsync(ContentContext context) => RaiseAsync(ContentEvents.Created, context);
    /// <summary>
    /// A new version of an item that awaits a decision withdraws the submission (README, "How an approval works"):
    /// the head can only ever approve the version that was submitted, and the author must submit the new one.
    /// </summary>
    public async Task DraftSavedAsync(ContentContext context)
    {
        if (context.Services.GetRequiredService<WorkflowExecutor>().Running.Count == 0)
            await SettleAsync(context, Withdrawal.Action, Withdrawal.Reason, "workflow.withdrawn", reviewsOnly: true, awaitingDecisionOnly: true);
        await RaiseAsync(ContentEvents.DraftSaved, context);
    }
    public Task SubmittedAsync(ContentContext context) => RaiseAsync(ContentEvents.Submitted, context);

    public async Task PublishedAsync(ContentContext context)
    {
        var executor = context.Services.GetRequiredService<WorkflowExecutor>();
        if (executor.Running.Count == 0)
            await SettleAsync(context, "force-publish", "Diterbitkan langsung tanpa persetujuan", "workflow.force-published", reviewsOnly: true);
        await RaiseAsync(ContentEvents.Published, context);
    }

    public async Task RemovedAsync(ContentContext context)
    {
        await SettleAsync(context, "content-removed", "Konten dihapus", null, reviewsOnly: false);
        await RaiseAsync(ContentEvents.Deleted, context);
    }

    private static Task RaiseAsync(string eventName, ContentContext context) =>
        context.Services.GetRequiredService<WorkflowTriggers>().OnContentEventAsync(eventName, context.Item, context.UserName);

    /// <summary>
    /// Cancels the item's unfinished instances — with <paramref name="reviewsOnly"/>, those waiting on a person's
    /// decision or a resubmission — saying who and why in each one's history.
    /// </summary>
    private static async Task SettleAsync(ContentContext context, string action, string reason, string? auditAction, bool reviewsOnly,
        bool awaitingDecisionOnly = false)
    {
        var instances = context.Services.GetRequiredService<WorkflowInstanceStore>();
        var executor = context.Services.GetRequiredService<WorkflowExecutor>();
        foreach (var instance in await instances.RunningForAsync(context.Item.ContentItemId))
        {
            if (reviewsOnly && !await instances.IsInReviewAsync(instance.Id)) continue;
            // Only a decision bound to another version is withdrawn (a task opened for this very save stays).
            if (awaitingDecisionOnly && !await context.Services.GetRequiredService<WorkflowTaskStore>()
                    .HasOpenForOtherVersionAsync(instance.Id, context.Item.ContentItemVersionId)) continue;
            await executor.CancelAsync(instance, context.UserName, action, reason);
            if (auditAction is not null)
                await context.Services.GetRequiredService<AuditLog>().RecordAsync(auditAction, "workflow:" + instance.Id,
                    $"{instance.DefinitionId} v{instance.DefinitionVersion}: \"{context.Item.DisplayText}\"", context.UserName);
        }
    }
}

/// <summary>An edit after submission withdrew the submission: how the cancelled instance and its task say so.</summary>
public static class Withdrawal
{
    public const string Action = "withdrawn";
    public const string Reason = "Pengajuan ditarik: konten diubah setelah diajukan";
}
