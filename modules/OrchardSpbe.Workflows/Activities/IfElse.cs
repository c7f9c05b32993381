using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>Goes on with "True" or "False" by a JavaScript <c>condition</c>, e.g. <c>content.type == 'Article'</c>.</summary>
public sealed class IfElse : IActivity
{
    public string Type => "IfElse";
    public string DisplayName => "Jika/selainnya";

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => [Outcomes.True, Outcomes.False];

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        var condition = activity.Text("condition");
        if (condition.Trim().Length == 0) errors.Add(activity, errors.T["'condition' wajib diisi."]);
        else if (WorkflowScripting.SyntaxError(condition) is { } error) errors.Add(activity, errors.T["ekspresi tidak sah: {0}", error]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = context.Services.GetRequiredService<WorkflowScripting>().Evaluate(context.Activity.Text("condition"), await context.ModelAsync());
        return ActivityResult.Outcome(WorkflowScripting.IsTruthy(value) ? Outcomes.True : Outcomes.False);
    }
}
