using Microsoft.Extensions.Logging;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// Runs instances: starts one from a start event, resumes one when what it waited on happened, and follows
/// the outcomes through the graph until every branch waits or ends. Everything happens in the caller's
/// transaction, so a decision, the steps it causes and their history commit together or not at all.
/// </summary>
public sealed class WorkflowExecutor(
    WorkflowInstanceStore instances,
    WorkflowTaskStore tasks,
    ActivityLibrary library,
    ContentManager contents,
    ContentReviewStates reviewStates,
    TenantSession session,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<WorkflowExecutor> logger)
{
    /// <summary>A run that takes more steps than this without waiting is stopped (a definition checked on save cannot loop, but data can).</summary>
    private const int MaxStepsPerRun = 500;

    /// <summary>The instances this scope is running now: their own publish must not cancel them, nor their events re-enter them.</summary>
    public HashSet<string> Running { get; } = [];

    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, ActivityDefinition start, ContentItem? item, WorkflowInput input)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = ContentItem.NewId(), DefinitionId = definition.Id, DefinitionVersion = definition.Version,
            CorrelationId = item?.ContentItemId, CorrelationTitle = item?.DisplayText, CreatedUtc = now, UpdatedUtc = now,
        };
        await instances.InsertAsync(instance);
        await RunAsync(definition, instance, start, input, resume: true);
        await transaction.CommitAsync();
        return instance;
    }

    /// <summary>Resumes <paramref name="activityId"/>, whose wait the caller has claimed.</summary>
    public async Task ResumeAsync(WorkflowDefinition definition, WorkflowInstance instance, string activityId, WorkflowInput input)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var activity = definition.Activity(activityId) ?? throw new InvalidOperationException($"Activity {activityId} is not in {definition.Id} v{definition.Version}.");
        await RunAsync(definition, instance, activity, input, resume: true);
        await transaction.CommitAsync();
    }

    /// <summary>Stops an instance: its waits and open tasks go, the history says who and why.</summary>
    public async Task CancelAsync(WorkflowInstance instance, string? actor, string action, string reason)
    {
        var now = clock.GetUtcNow();
        await instances.RemoveWaitsAsync(instance.Id);
        await tasks.CancelOpenAsync(instance.Id, actor, now, action);
        await instances.AddHistoryAsync(new HistoryEntry
        {
            InstanceId = instance.Id, ActivityId = "-", ActivityType = "Cancel", ActivityTitle = reason, Outcome = WorkflowStatus.Cancelled,
            Action = action, Actor = actor, AtUtc = now,
        });
        await FinishAsync(instance, WorkflowStatus.Cancelled, now);
        if (!await instances.SaveAsync(instance)) throw new WorkflowConcurrencyException();
    }

    private async Task RunAsync(WorkflowDefinition definition, WorkflowInstance instance, ActivityDefinition first, WorkflowInput input, bool resume)
    {
        var run = new WorkflowRun(instances, contents, clock.GetUtcNow()) { Actor = input.Actor };
        Running.Add(instance.Id);
        try
        {
            var queue = new Queue<(ActivityDefinition Activity, string? From, bool Resume)>();
            queue.Enqueue((first, null, resume));
            var steps = 0;
            while (queue.TryDequeue(out var next) && instance.Status == WorkflowStatus.Running)
            {
                if (++steps > MaxStepsPerRun)
                {
                    await FaultAsync(instance, next.Activity, run, $"more than {MaxStepsPerRun} steps without waiting");
                    break;
                }
                var context = new ActivityContext(definition, next.Activity, instance, input, services, run) { ArrivedFrom = next.From };
                var result = await StepAsync(library.Find(next.Activity.Type), context, next.Resume);
                if (result.Fault is { } fault)
                {
                    await FaultAsync(instance, next.Activity, run, fault);
                    break;
                }
                if (result.Wait is { } wait)
                {
                    await instances.AddWaitAsync(instance, next.Activity.Id, wait);
                    if (wait.Kind != WaitRequest.TaskKind) await run.RecordAsync(instance, next.Activity, null, null, null);
                    continue;
                }
                if (result.Pending) continue;
                // A resumed step carries the decision that resumed it: who, which action, their comment.
                await run.RecordAsync(instance, next.Activity, string.Join(", ", result.Outcomes),
                    next.Resume ? input.Action : null, next.Resume ? input.Comment : null);
                foreach (var outcome in result.Outcomes)
                foreach (var transition in definition.From(next.Activity.Id, outcome))
                    if (definition.Activity(transition.To) is { } target) queue.Enqueue((target, next.Activity.Id, false));
            }
            if (instance.Status == WorkflowStatus.Running && !await instances.HasWaitsAsync(instance.Id)
                && !instance.Joins.Select(j => j.Key).Any(id => Join.HoldsOpen(definition, id)))
                await FinishAsync(instance, WorkflowStatus.Finished, run.Now);
            instance.UpdatedUtc = run.Now;
            if (await run.ContentAsync(instance) is { } item) instance.CorrelationTitle = item.DisplayText;
            if (!await instances.SaveAsync(instance)) throw new WorkflowConcurrencyException();
        }
        finally
        {
            Running.Remove(instance.Id);
        }
    }

    private static async Task<ActivityResult> StepAsync(IActivity? activity, ActivityContext context, bool resume)
    {
        if (activity is null) return ActivityResult.Failed($"unknown activity type '{context.Activity.Type}'");
        try
        {
            return resume ? await activity.ResumeAsync(context) : await activity.ExecuteAsync(context);
        }
        catch (WorkflowConcurrencyException) { throw; }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ActivityResult.Failed(e.Message);
        }
    }

    private async Task FaultAsync(WorkflowInstance instance, ActivityDefinition activity, WorkflowRun run, string message)
    {
        logger.LogWarning("Workflow instance {Instance} ({Definition} v{Version}) faulted at {Activity}: {Message}",
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, activity.Id, message);
        await run.RecordAsync(instance, activity, WorkflowStatus.Faulted, null, message);
        instance.State["fault"] = message;
        await instances.RemoveWaitsAsync(instance.Id);
        await tasks.CancelOpenAsync(instance.Id, null, run.Now);
        await FinishAsync(instance, WorkflowStatus.Faulted, run.Now);
    }

    private async Task FinishAsync(WorkflowInstance instance, string status, DateTimeOffset now)
    {
        instance.Status = status;
        instance.FinishedUtc = now;
        instance.UpdatedUtc = now;
        if (instance.CorrelationId is { } id) await reviewStates.ClearAsync(id);
    }
}

/// <summary>Someone changed the instance at the same time; the transaction is rolled back and the user told to reload.</summary>
public sealed class WorkflowConcurrencyException() : Exception("The workflow instance was changed at the same time.");
