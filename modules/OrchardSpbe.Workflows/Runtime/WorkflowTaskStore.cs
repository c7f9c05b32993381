using OrchardSpbe.Data;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// User tasks: one row per task, plus one row per role that may act while it is open, so a user's inbox
/// ("Tugas saya") is an index range per role however many finished instances the history holds.
/// </summary>
public sealed class WorkflowTaskStore(TenantSession session)
{
    private const string Columns = """
        t.id AS Id, t.instance_id AS InstanceId, t.activity_id AS ActivityId, t.title AS Title, t.correlation_id AS CorrelationId,
        t.roles AS RolesText, t.status AS Status, t.created_utc AS CreatedUtc, t.done_by AS DoneBy, t.done_action AS DoneAction,
        t.done_utc AS DoneUtc, t.comment AS Comment, t.due_utc AS DueUtc, t.content_version_id AS ContentVersionId
        """;

    public async Task CreateAsync(WorkflowTask task)
    {
        await session.ExecuteAsync("""
            INSERT INTO workflow_tasks (id, instance_id, activity_id, title, correlation_id, roles, status, created_utc, due_utc, content_version_id)
            VALUES (@Id, @InstanceId, @ActivityId, @Title, @CorrelationId, @RolesText, @Status, @Created, @Due, @ContentVersionId)
            """, new
        {
            task.Id, task.InstanceId, task.ActivityId, task.Title, task.CorrelationId, task.RolesText, task.Status, task.ContentVersionId,
            Created = UnixTime.Ms(task.CreatedUtc), Due = task.DueUtc is { } due ? UnixTime.Ms(due) : (long?)null,
        });
        foreach (var role in task.Roles)
            await session.ExecuteAsync("INSERT INTO workflow_task_roles (task_id, role, created_utc) VALUES (@id, @role, @created)",
                new { id = task.Id, role = role.ToUpperInvariant(), created = UnixTime.Ms(task.CreatedUtc) });
    }

    public async Task<WorkflowTask?> GetAsync(string id) =>
        (await session.QueryAsync<WorkflowTask>($"SELECT {Columns} FROM workflow_tasks t WHERE t.id = @id", new { id })).FirstOrDefault();

    /// <summary>The instance's open task at an activity (the one a due date expires).</summary>
    public async Task<WorkflowTask?> OpenAtAsync(string instanceId, string activityId) =>
        (await session.QueryAsync<WorkflowTask>(
            $"SELECT {Columns} FROM workflow_tasks t WHERE t.instance_id = @instanceId AND t.activity_id = @activityId AND t.status = @open",
            new { instanceId, activityId, open = WorkflowTask.Open })).FirstOrDefault();

    /// <summary>The open task on a content item, if one waits for a decision.</summary>
    public async Task<WorkflowTask?> OpenForItemAsync(string correlationId) =>
        (await session.QueryAsync<WorkflowTask>(
            $"SELECT {Columns} FROM workflow_tasks t WHERE t.correlation_id = @correlationId AND t.status = @open ORDER BY t.created_utc DESC LIMIT 1",
            new { correlationId, open = WorkflowTask.Open })).FirstOrDefault();

    /// <summary>
    /// Closes the task with the decision if it is still open; false when someone decided first — then nothing changes
    /// and the caller tells the user who did.
    /// </summary>
    public async Task<bool> CloseAsync(string id, string status, string? actor, string? action, string? comment, DateTimeOffset now)
    {
        var rows = await session.ExecuteAsync("""
            UPDATE workflow_tasks SET status = @status, done_by = @actor, done_action = @action, done_utc = @now, comment = @comment
            WHERE id = @id AND status = @open
            """, new { id, status, actor, action, comment, now = UnixTime.Ms(now), open = WorkflowTask.Open });
        if (rows != 1) return false;
        await session.ExecuteAsync("DELETE FROM workflow_task_roles WHERE task_id = @id", new { id });
        return true;
    }

    /// <summary>Whether the instance has an open task bound to a content version other than <paramref name="versionId"/>.</summary>
    public async Task<bool> HasOpenForOtherVersionAsync(string instanceId, string versionId) =>
        await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM workflow_tasks WHERE instance_id = @instanceId AND status = @open AND content_version_id IS NOT NULL AND content_version_id <> @versionId",
            new { instanceId, versionId, open = WorkflowTask.Open }) > 0;

    /// <summary>Cancels an instance's open tasks (the instance was cancelled or a direct publish settled it).</summary>
    public async Task CancelOpenAsync(string instanceId, string? actor, DateTimeOffset now, string? action = null)
    {
        var open = await session.QueryAsync<string>("SELECT id FROM workflow_tasks WHERE instance_id = @instanceId AND status = @open",
            new { instanceId, open = WorkflowTask.Open });
        foreach (var id in open) await CloseAsync(id, WorkflowTask.Cancelled, actor, action, null, now);
    }

    /// <summary>How many open tasks any of the roles may act on (the menu badge: one index range per role).</summary>
    public async Task<long> OpenCountAsync(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? 0 : await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(DISTINCT task_id) FROM workflow_task_roles WHERE {session.Dialect.InList("role", "roles")}",
            new { roles = roles.Select(r => r.ToUpperInvariant()).ToArray() });

    /// <summary>Open tasks any of the roles may act on, oldest first (the "Tugas saya" inbox).</summary>
    public async Task<(IReadOnlyList<WorkflowTask> Tasks, long Total)> InboxAsync(IReadOnlyCollection<string> roles, int page, int pageSize)
    {
        if (roles.Count == 0) return ([], 0);
        var parameters = new { roles = roles.Select(r => r.ToUpperInvariant()).ToArray(), take = pageSize, skip = (page - 1) * pageSize };
        var inRoles = session.Dialect.InList("r.role", "roles");
        var total = await OpenCountAsync(roles);
        var tasks = await session.QueryAsync<WorkflowTask>($"""
            SELECT {Columns} FROM workflow_tasks t
            WHERE t.id IN (SELECT r.task_id FROM workflow_task_roles r WHERE {inRoles})
            ORDER BY t.created_utc, t.id LIMIT @take OFFSET @skip
            """, parameters);
        return (tasks.ToList(), total);
    }
}

/// <summary>A decision a person owes: which instance and step, the roles that may take it, and (once closed) the decision.</summary>
public sealed class WorkflowTask
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";

    /// <summary>Its due date passed before anyone decided (the instance went on with "Overdue").</summary>
    public const string Expired = "expired";

    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? CorrelationId { get; set; }
    public string RolesText { get; set; } = "";
    public string Status { get; set; } = Open;
    public DateTimeOffset CreatedUtc { get; set; }
    public string? DoneBy { get; set; }
    public string? DoneAction { get; set; }
    public DateTimeOffset? DoneUtc { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? DueUtc { get; set; }

    /// <summary>The content version submitted for this decision (null for tasks about no content item).</summary>
    public string? ContentVersionId { get; set; }

    public IReadOnlyList<string> Roles => RolesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
