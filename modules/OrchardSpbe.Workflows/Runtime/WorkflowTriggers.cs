using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// Where instances come from and wake up: content events resume the instances waiting for them on that item,
/// then start the definitions whose start event matches (one unfinished instance per item and definition);
/// administrators start manual ones; the clock resumes timer waits.
/// </summary>
public sealed class WorkflowTriggers(
    WorkflowDefinitionStore definitions,
    WorkflowInstanceStore instances,
    WorkflowExecutor executor,
    ActivityLibrary library,
    WorkflowTaskStore tasks,
    TimeProvider clock,
    TenantSession session)
{
    public async Task OnContentEventAsync(string eventName, ContentItem item, string? actor)
    {
        var input = new WorkflowInput(actor);
        var resumedDefinitions = new HashSet<string>();
        foreach (var (instanceId, activityId) in await instances.WaitingForEventAsync(eventName, item.ContentItemId))
        {
            if (executor.Running.Contains(instanceId)) continue;
            if (await ResumeWaitAsync(instanceId, activityId, input) is { } resumed) resumedDefinitions.Add(resumed.DefinitionId);
        }
        foreach (var definition in await definitions.ActiveAsync())
        {
            if (resumedDefinitions.Contains(definition.Id)) continue;
            var start = definition.Activities.FirstOrDefault(a => a.Start && a.Type == eventName
                && library.Find(a.Type) is ContentEvent e && e.Matches(a, item.ContentType));
            if (start is null) continue;
            if (definition.SingletonPerItem && await instances.HasRunningAsync(definition.Id, item.ContentItemId)) continue;
            await executor.StartAsync(definition, start, item, input);
        }
    }

    /// <summary>Which definitions start when items of the type are submitted (the type is moderated).</summary>
    public async Task<bool> StartsOnAsync(string eventName, string contentType) =>
        (await definitions.ActiveAsync()).Any(d => d.Activities.Any(a => a.Start && a.Type == eventName
            && library.Find(a.Type) is ContentEvent e && e.Matches(a, contentType)));

    public async Task<WorkflowInstance?> StartManuallyAsync(WorkflowDefinition definition, string? actor)
    {
        var start = definition.Activities.FirstOrDefault(a => a.Start && a.Type == ManualStart.TypeName);
        return start is null ? null : await executor.StartAsync(definition, start, null, new WorkflowInput(actor));
    }

    /// <summary>
    /// Resumes one wait if this caller is the one to claim it (in one transaction with what the resume does);
    /// null when someone else did, or the instance is gone.
    /// </summary>
    public async Task<WorkflowInstance?> ResumeWaitAsync(string instanceId, string activityId, WorkflowInput input)
    {
        await using var transaction = await session.BeginTransactionAsync();
        if (!await instances.ClaimWaitAsync(instanceId, activityId)) return null;
        if (activityId.EndsWith(UserTask.DueWaitOf(""), StringComparison.Ordinal))
        {
            // A task's due date passed: the task expires (unless someone decided first) and its step ends "Overdue".
            activityId = activityId[..^UserTask.DueWaitOf("").Length];
            var task = await tasks.OpenAtAsync(instanceId, activityId);
            if (task is null || !await tasks.CloseAsync(task.Id, WorkflowTask.Expired, null, UserTask.Overdue, null, clock.GetUtcNow())
                || !await instances.ClaimWaitAsync(instanceId, activityId)) return null;
            input = input with { Action = UserTask.Overdue };
        }
        var instance = await instances.GetAsync(instanceId);
        if (instance is null || instance.IsFinished) return null;
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion);
        if (definition is null) return null;
        await executor.ResumeAsync(definition, instance, activityId, input);
        await transaction.CommitAsync();
        return instance;
    }
}
