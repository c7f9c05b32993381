using System.Text.Json.Nodes;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Brings branches together: with <c>mode</c> "all" (the default) it goes on once every incoming branch has
/// arrived; with "any", on the first arrival (later arrivals of the same round are absorbed).
/// </summary>
public sealed class Join : IActivity
{
    public string Type => "Join";
    public string DisplayName => "Gabung cabang";

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        if (activity.Text("mode") is { Length: > 0 } mode && mode is not ("all" or "any"))
            errors.Add(activity, errors.T["'mode' harus \"all\" atau \"any\"."]);
        return Task.CompletedTask;
    }

    /// <summary>An "all" join with some branches arrived holds the instance open; an "any" join never does.</summary>
    public static bool HoldsOpen(WorkflowDefinition definition, string activityId) =>
        definition.Activity(activityId)?.Text("mode") != "any";

    public Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var incoming = context.Definition.Transitions.Where(t => t.To == context.Activity.Id).Select(t => t.From).Distinct().ToList();
        var joins = context.Instance.Joins;
        var arrived = (joins[context.Activity.Id] as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToHashSet();
        if (context.ArrivedFrom is { } from) arrived.Add(from);
        var any = context.Activity.Text("mode") == "any";
        var complete = any ? arrived.Count == 1 : incoming.All(arrived.Contains);
        var roundOver = incoming.All(arrived.Contains);
        if (roundOver) joins.Remove(context.Activity.Id);
        else joins[context.Activity.Id] = new JsonArray(arrived.Select(a => (JsonNode)a).ToArray());
        return Task.FromResult(complete ? ActivityResult.Outcome(Outcomes.Done) : ActivityResult.StillPending);
    }
}
