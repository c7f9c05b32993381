using System.Text.Json.Nodes;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>What a step sees while it runs: its settings, the instance, what resumed it, and the tenant's services.</summary>
public sealed class ActivityContext(
    WorkflowDefinition definition, ActivityDefinition activity, WorkflowInstance instance, WorkflowInput input,
    IServiceProvider services, WorkflowRun run)
{
    public WorkflowDefinition Definition { get; } = definition;
    public ActivityDefinition Activity { get; } = activity;
    public WorkflowInstance Instance { get; } = instance;
    public WorkflowInput Input { get; } = input;
    public IServiceProvider Services { get; } = services;

    /// <summary>The transition that brought the flow here (for joins).</summary>
    public string? ArrivedFrom { get; init; }

    public DateTimeOffset Now => run.Now;

    /// <summary>The instance's content item, latest version (null when it has none or it was removed).</summary>
    public Task<ContentItem?> ContentAsync() => run.ContentAsync(Instance);

    /// <summary>Writes a line of history for this step (who, what, comment).</summary>
    public Task RecordAsync(string? outcome, string? action = null, string? comment = null) =>
        run.RecordAsync(Instance, Activity, outcome, action, comment);

    /// <summary>Values templates and expressions see: the content item, the input, the instance's properties.</summary>
    public Task<JsonObject> ModelAsync() => run.ModelAsync(this);
}

/// <summary>What started or resumed an instance: who, which action, their comment, the content version decided on.</summary>
public sealed record WorkflowInput(string? Actor, string? Action = null, string? Comment = null, string? ContentVersionId = null)
{
    public static readonly WorkflowInput None = new((string?)null);
}
