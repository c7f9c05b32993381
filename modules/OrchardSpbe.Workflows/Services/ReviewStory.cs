using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Handlers;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// An item's review history as the story people lived (issue 16 §4): one act per human step — submitted, sent back
/// with a note, resubmitted, approved, withdrawn — out of the technical steps the engine records. The technical
/// steps stay available to administrators behind "detail".
/// </summary>
public sealed class ReviewStory(WorkflowDefinitionStore definitions)
{
    /// <summary>The item was submitted (after a decision's comment: submitted again).</summary>
    public static bool IsResubmission(HistoryEntry entry) => entry.ActivityType == ContentEvents.Submitted && entry.Outcome is not null;

    public async Task<IReadOnlyList<ReviewAct>> ActsAsync(IEnumerable<WorkflowInstance> instances, IReadOnlyList<HistoryEntry> history)
    {
        var labels = new Dictionary<string, WorkflowDefinition?>();
        foreach (var instance in instances)
            labels[instance.Id] = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion);
        return Acts(history, labels);
    }

    /// <summary>The acts, with decision labels from the definitions the instances ran (null: the action's name).</summary>
    public static IReadOnlyList<ReviewAct> Acts(IReadOnlyList<HistoryEntry> history, IReadOnlyDictionary<string, WorkflowDefinition?> definitionsByInstance)
    {
        var acts = new List<ReviewAct>();
        var started = new HashSet<string>();
        foreach (var entry in history)
        {
            var label = entry switch
            {
                { ActivityType: ContentEvents.Submitted, Outcome: not null } => started.Add(entry.InstanceId) ? "Diajukan" : "Diajukan ulang",
                { ActivityType: UserTask.TypeName, Action: { } action } => DecisionLabel(entry, action, definitionsByInstance),
                { ActivityType: "Cancel", Action: Withdrawal.Action } => "Pengajuan ditarik karena konten diubah setelah diajukan",
                { ActivityType: "Cancel", Action: "force-publish" } => "Diterbitkan tanpa persetujuan",
                { ActivityType: "Cancel", Action: "content-removed" } => "Konten dihapus",
                { ActivityType: "Cancel" } => "Dibatalkan",
                _ => null,
            };
            if (entry.ActivityType != ContentEvents.Submitted && entry.Outcome is not null) started.Add(entry.InstanceId);
            if (label is not null) acts.Add(new ReviewAct(label, entry.Actor, entry.AtUtc, entry.Comment));
        }
        return acts;
    }

    private static string DecisionLabel(HistoryEntry entry, string action, IReadOnlyDictionary<string, WorkflowDefinition?> definitionsByInstance)
    {
        var taskAction = definitionsByInstance.GetValueOrDefault(entry.InstanceId)?.Activity(entry.ActivityId) is { } activity
            ? UserTask.ActionsOf(activity).FirstOrDefault(a => a.Name == action) : null;
        return taskAction is null ? action : taskAction.DoneLabel ?? taskAction.Label;
    }
}

/// <summary>One thing a person did in a review: what (a localisation key), who (a user name), when, and their comment.</summary>
public sealed record ReviewAct(string Label, string? Actor, DateTimeOffset AtUtc, string? Comment);
