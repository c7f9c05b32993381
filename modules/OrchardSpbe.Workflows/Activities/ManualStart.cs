using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>Started by an administrator from the definition's page (a one-off process, a test run).</summary>
public sealed class ManualStart : IActivity
{
    public const string TypeName = "ManualStart";

    public string Type => TypeName;
    public string DisplayName => "Mulai manual";
    public bool CanStart => true;

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        if (!activity.Start) errors.Add(activity, errors.T["'ManualStart' hanya dapat menjadi aktivitas awal."]);
        return Task.CompletedTask;
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Outcome(Outcomes.Done));
}
