using System.Text.Json.Nodes;
using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Activities;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>Instances, what they wait on, and their history, in the tenant's database (the caller's transaction).</summary>
public sealed class WorkflowInstanceStore(TenantSession session)
{
    private const string Columns = """
        id AS Id, definition_id AS DefinitionId, definition_version AS DefinitionVersion, status AS Status,
        correlation_id AS CorrelationId, correlation_title AS CorrelationTitle, state AS StateJson,
        created_utc AS CreatedUtc, updated_utc AS UpdatedUtc, finished_utc AS FinishedUtc, row_version AS RowVersion
        """;

    public async Task InsertAsync(WorkflowInstance instance) =>
        await session.ExecuteAsync("""
            INSERT INTO workflow_instances (id, definition_id, definition_version, status, correlation_id, correlation_title, state,
                created_utc, updated_utc, finished_utc, row_version)
            VALUES (@Id, @DefinitionId, @DefinitionVersion, @Status, @CorrelationId, @CorrelationTitle, @State,
                @Created, @Updated, @Finished, @RowVersion)
            """, Parameters(instance));

    /// <summary>Saves the instance if nobody saved it since it was read; false otherwise (the caller rolls back).</summary>
    public async Task<bool> SaveAsync(WorkflowInstance instance)
    {
        var expected = instance.RowVersion;
        instance.RowVersion++;
        var rows = await session.ExecuteAsync("""
            UPDATE workflow_instances SET status = @Status, correlation_title = @CorrelationTitle, state = @State,
                updated_utc = @Updated, finished_utc = @Finished, row_version = @RowVersion
            WHERE id = @Id AND row_version = @Expected
            """, WithExpected(Parameters(instance), expected));
        return rows == 1;
    }

    public async Task<WorkflowInstance?> GetAsync(string id) =>
        (await session.QueryAsync<InstanceRow>($"SELECT {Columns} FROM workflow_instances WHERE id = @id", new { id }))
            .Select(r => r.ToInstance()).FirstOrDefault();

    /// <summary>Unfinished instances concerning a content item, newest first.</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> RunningForAsync(string correlationId) =>
        (await session.QueryAsync<InstanceRow>(
            $"SELECT {Columns} FROM workflow_instances WHERE correlation_id = @correlationId AND status = @running ORDER BY created_utc DESC",
            new { correlationId, running = WorkflowStatus.Running })).Select(r => r.ToInstance()).ToList();

    /// <summary>The newest instance concerning a content item, finished or not.</summary>
    public async Task<WorkflowInstance?> LatestForAsync(string correlationId) =>
        (await session.QueryAsync<InstanceRow>(
            $"SELECT {Columns} FROM workflow_instances WHERE correlation_id = @correlationId ORDER BY created_utc DESC, id DESC LIMIT 1",
            new { correlationId })).Select(r => r.ToInstance()).FirstOrDefault();

    public async Task<bool> HasRunningAsync(string definitionId, string correlationId) =>
        await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM workflow_instances WHERE correlation_id = @correlationId AND status = @running AND definition_id = @definitionId",
            new { correlationId, definitionId, running = WorkflowStatus.Running }) > 0;

    // --- waits -------------------------------------------------------------------------------------------

    public Task AddWaitAsync(WorkflowInstance instance, string activityId, WaitRequest wait) =>
        session.ExecuteAsync("""
            INSERT INTO workflow_waits (instance_id, activity_id, kind, event, correlation_id, due_utc)
            VALUES (@instanceId, @activityId, @kind, @event, @correlationId, @due)
            """, new
        {
            instanceId = instance.Id, activityId, kind = wait.Kind, @event = wait.Event, correlationId = instance.CorrelationId,
            due = wait.DueUtc is { } d ? UnixTime.Ms(d) : (long?)null,
        });

    /// <summary>
    /// Takes the wait away, so exactly one caller resumes it: two reviewers clicking at once, two nodes' timers —
    /// the second finds nothing (on PostgreSQL it waits for the first's commit, then sees the row gone).
    /// </summary>
    public async Task<bool> ClaimWaitAsync(string instanceId, string activityId) =>
        await session.ExecuteAsync("DELETE FROM workflow_waits WHERE instance_id = @instanceId AND activity_id = @activityId",
            new { instanceId, activityId }) == 1;

    public async Task<bool> HasWaitsAsync(string instanceId) =>
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workflow_waits WHERE instance_id = @instanceId", new { instanceId }) > 0;

    public async Task<IReadOnlyList<(string InstanceId, string ActivityId, string Kind)>> WaitsOfAsync(string instanceId) =>
        (await session.QueryAsync<(string, string, string)>(
            "SELECT instance_id, activity_id, kind FROM workflow_waits WHERE instance_id = @instanceId", new { instanceId })).ToList();

    /// <summary>Waits on a person's decision, or on the item being submitted again.</summary>
    public async Task<bool> IsInReviewAsync(string instanceId) =>
        await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM workflow_waits WHERE instance_id = @instanceId AND (kind = @task OR event = @submitted)",
            new { instanceId, task = WaitRequest.TaskKind, submitted = ContentEvents.Submitted }) > 0;

    public Task RemoveWaitsAsync(string instanceId) =>
        session.ExecuteAsync("DELETE FROM workflow_waits WHERE instance_id = @instanceId", new { instanceId });

    public async Task<IReadOnlyList<(string InstanceId, string ActivityId)>> WaitingForEventAsync(string eventName, string correlationId) =>
        (await session.QueryAsync<(string, string)>(
            "SELECT instance_id, activity_id FROM workflow_waits WHERE event = @eventName AND correlation_id = @correlationId",
            new { eventName, correlationId })).ToList();

    public async Task<IReadOnlyList<(string InstanceId, string ActivityId)>> DueTimersAsync(DateTimeOffset now, int take) =>
        (await session.QueryAsync<(string, string)>(
            "SELECT instance_id, activity_id FROM workflow_waits WHERE kind = @kind AND due_utc <= @now ORDER BY due_utc LIMIT @take",
            new { kind = WaitRequest.TimerKind, now = UnixTime.Ms(now), take })).ToList();

    // --- history -----------------------------------------------------------------------------------------

    public Task AddHistoryAsync(HistoryEntry entry) =>
        session.ExecuteAsync("""
            INSERT INTO workflow_history (instance_id, activity_id, activity_type, activity_title, outcome, action, actor, comment, at_utc)
            VALUES (@InstanceId, @ActivityId, @ActivityType, @ActivityTitle, @Outcome, @Action, @Actor, @Comment, @At)
            """, new
        {
            entry.InstanceId, entry.ActivityId, entry.ActivityType, entry.ActivityTitle, entry.Outcome, entry.Action, entry.Actor,
            entry.Comment, At = UnixTime.Ms(entry.AtUtc),
        });

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string instanceId) =>
        (await session.QueryAsync<HistoryEntry>($"SELECT {HistoryColumns} FROM workflow_history WHERE instance_id = @instanceId ORDER BY id",
            new { instanceId })).ToList();

    /// <summary>The instance's last step that carried a person's comment (a rejection's reason, for the author).</summary>
    public async Task<HistoryEntry?> LastCommentAsync(string instanceId) =>
        (await session.QueryAsync<HistoryEntry>(
            $"SELECT {HistoryColumns} FROM workflow_history WHERE instance_id = @instanceId AND comment IS NOT NULL AND action IS NOT NULL ORDER BY id DESC LIMIT 1",
            new { instanceId })).FirstOrDefault();

    /// <summary>Every step of every instance concerning a content item, oldest first (the item's review story).</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryForItemAsync(string correlationId) =>
        (await session.QueryAsync<HistoryEntry>($"""
            SELECT {HistoryColumns} FROM workflow_history
            WHERE instance_id IN (SELECT id FROM workflow_instances WHERE correlation_id = @correlationId) ORDER BY id
            """, new { correlationId })).ToList();

    private const string HistoryColumns = """
        id AS Id, instance_id AS InstanceId, activity_id AS ActivityId, activity_type AS ActivityType, activity_title AS ActivityTitle,
        outcome AS Outcome, action AS Action, actor AS Actor, comment AS Comment, at_utc AS AtUtc
        """;

    private static object Parameters(WorkflowInstance i) => new
    {
        i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.CorrelationTitle, State = i.State.ToJsonString(),
        Created = UnixTime.Ms(i.CreatedUtc), Updated = UnixTime.Ms(i.UpdatedUtc), Finished = i.FinishedUtc is { } f ? UnixTime.Ms(f) : (long?)null,
        i.RowVersion,
    };

    private static Dapper.DynamicParameters WithExpected(object parameters, int expected)
    {
        var all = new Dapper.DynamicParameters(parameters);
        all.Add("Expected", expected);
        return all;
    }

    internal sealed class InstanceRow
    {
        public string Id { get; set; } = "";
        public string DefinitionId { get; set; } = "";
        public long DefinitionVersion { get; set; }
        public string Status { get; set; } = "";
        public string? CorrelationId { get; set; }
        public string? CorrelationTitle { get; set; }
        public string StateJson { get; set; } = "{}";
        public DateTimeOffset CreatedUtc { get; set; }
        public DateTimeOffset UpdatedUtc { get; set; }
        public DateTimeOffset? FinishedUtc { get; set; }
        public long RowVersion { get; set; }

        public WorkflowInstance ToInstance() => new()
        {
            Id = Id, DefinitionId = DefinitionId, DefinitionVersion = (int)DefinitionVersion, Status = Status,
            CorrelationId = CorrelationId, CorrelationTitle = CorrelationTitle,
            State = JsonNode.Parse(StateJson) as JsonObject ?? [], CreatedUtc = CreatedUtc, UpdatedUtc = UpdatedUtc,
            FinishedUtc = FinishedUtc, RowVersion = (int)RowVersion,
        };
    }
}

/// <summary>One line of an instance's history: which step, how it ended, who acted, with what comment, when.</summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string ActivityTitle { get; set; } = "";

    /// <summary>Null while the step waits (a task was opened, an event or time is awaited).</summary>
    public string? Outcome { get; set; }
    public string? Action { get; set; }
    public string? Actor { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset AtUtc { get; set; }
}
