using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>Splits the flow: every branch named in <c>branches</c> runs (a Join brings them together again).</summary>
public sealed class Fork : IActivity
{
    public string Type => "Fork";
    public string DisplayName => "Cabang paralel";

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => activity.List("branches");

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        if (activity.List("branches").Count < 2) errors.Add(activity, errors.T["'branches' harus menyebut paling sedikit dua cabang."]);
        return Task.CompletedTask;
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Task.FromResult(ActivityResult.Outcome([.. context.Activity.List("branches")]));
}
