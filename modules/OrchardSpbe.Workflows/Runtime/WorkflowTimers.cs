using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// Cron starts and timed waits. A definition's cron start keeps one row with its next occurrence; the row is
/// moved on in the same transaction as the start, so each occurrence fires once — on one node, and after a
/// restart. Occurrences missed while the host was down fire once (not once per missed occurrence), then the
/// schedule goes on from now.
/// </summary>
public sealed class WorkflowTimers(
    TenantSession session,
    WorkflowDefinitionStore definitions,
    WorkflowInstanceStore instances,
    WorkflowExecutor executor,
    WorkflowTriggers triggers)
{
    /// <summary>Replaces the definition's cron start rows with those of its latest version.</summary>
    public async Task ScheduleAsync(WorkflowDefinition definition, DateTimeOffset now)
    {
        await session.ExecuteAsync("DELETE FROM workflow_timers WHERE definition_id = @id", new { id = definition.Id });
        if (!definition.Enabled) return;
        foreach (var timer in definition.Activities.Where(a => a.Start && a.Type == TimerEvent.TypeName))
            if (TimerEvent.NextAfter(timer, now) is { } next)
                await session.ExecuteAsync("""
                    INSERT INTO workflow_timers (definition_id, activity_id, version, next_utc) VALUES (@id, @activity, @version, @next)
                    """, new { id = definition.Id, activity = timer.Id, version = definition.Version, next = UnixTime.Ms(next) });
    }

    /// <summary>The earliest cron start or timed wait still to come (null: none).</summary>
    public async Task<DateTimeOffset?> NextDueAsync()
    {
        var next = await session.ExecuteScalarAsync<long?>("""
            SELECT MIN(due) FROM (
                SELECT MIN(next_utc) AS due FROM workflow_timers
                UNION ALL SELECT MIN(due_utc) FROM workflow_waits WHERE kind = @kind) AS due_times
            """, new { kind = WaitRequest.TimerKind });
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Fires what is due: cron starts, then timed waits (WaitUntil, timers inside a flow).</summary>
    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var starts = (await session.QueryAsync<(string, string, long, long)>(
            "SELECT definition_id, activity_id, version, next_utc FROM workflow_timers WHERE next_utc <= @now ORDER BY next_utc LIMIT 100",
            new { now = UnixTime.Ms(now) })).ToList();
        foreach (var (definitionId, activityId, version, due) in starts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var definition = await definitions.GetAsync(definitionId, (int)version);
            var timer = definition?.Activity(activityId);
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var next = timer is null ? null : TimerEvent.NextAfter(timer, now);
            var claimed = next is null
                ? await session.ExecuteAsync("DELETE FROM workflow_timers WHERE definition_id = @definitionId AND activity_id = @activityId AND next_utc = @due",
                    new { definitionId, activityId, due })
                : await session.ExecuteAsync("""
                    UPDATE workflow_timers SET next_utc = @next
                    WHERE definition_id = @definitionId AND activity_id = @activityId AND next_utc = @due
                    """, new { definitionId, activityId, due, next = UnixTime.Ms(next.Value) });
            if (claimed == 1 && definition is not null && timer is not null)
                await executor.StartAsync(definition, timer, null, WorkflowInput.None);
            await transaction.CommitAsync();
        }

        foreach (var (instanceId, activityId) in await instances.DueTimersAsync(now, 100))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await triggers.ResumeWaitAsync(instanceId, activityId, WorkflowInput.None);
        }
    }
}
