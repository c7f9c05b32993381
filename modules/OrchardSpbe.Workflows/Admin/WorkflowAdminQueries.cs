using System.Text;
using Dapper;
using OrchardSpbe.Data;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Admin;

/// <summary>What the admin screens list: running counts per definition, instances by filter, an instance's open tasks.</summary>
public sealed class WorkflowAdminQueries(TenantSession session)
{
    private const string InstanceColumns = """
        i.id AS Id, i.definition_id AS DefinitionId, i.definition_version AS DefinitionVersion, i.status AS Status,
        i.correlation_id AS CorrelationId, i.correlation_title AS CorrelationTitle, i.state AS StateJson,
        i.created_utc AS CreatedUtc, i.updated_utc AS UpdatedUtc, i.finished_utc AS FinishedUtc, i.row_version AS RowVersion
        """;

    /// <summary>Unfinished instances per definition id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RunningCountsAsync() =>
        (await session.QueryAsync<(string DefinitionId, long Count)>(
            "SELECT definition_id, COUNT(*) FROM workflow_instances WHERE status = @running GROUP BY definition_id",
            new { running = WorkflowStatus.Running })).ToDictionary(r => r.DefinitionId, r => r.Count);

    /// <summary>
    /// Instances newest first. Each filter narrows by an index: status or definition with the creation time, the
    /// assignee through the open tasks' role rows or the decided tasks' <c>done_by</c>.
    /// </summary>
    public async Task<(IReadOnlyList<WorkflowInstance> Instances, long Total)> InstancesAsync(InstanceFilter filter, int page, int pageSize)
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(filter.Status))
        {
            where.Append(" AND i.status = @status");
            parameters.Add("status", filter.Status);
        }
        if (!string.IsNullOrEmpty(filter.DefinitionId))
        {
            where.Append(" AND i.definition_id = @definitionId");
            parameters.Add("definitionId", filter.DefinitionId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Item))
        {
            where.Append(" AND LOWER(i.correlation_title) LIKE @title ESCAPE '\\'");
            parameters.Add("title", "%" + EscapeLike(filter.Item.Trim().ToLowerInvariant()) + "%");
        }
        if (!string.IsNullOrWhiteSpace(filter.Assignee))
        {
            // A role's open tasks (role rows are kept upper-case), or the tasks a user decided.
            where.Append("""
                 AND (i.id IN (SELECT t.instance_id FROM workflow_task_roles r JOIN workflow_tasks t ON t.id = r.task_id WHERE r.role = @role)
                   OR i.id IN (SELECT t.instance_id FROM workflow_tasks t WHERE t.done_by = @assignee))
                """);
            parameters.Add("role", filter.Assignee.Trim().ToUpperInvariant());
            parameters.Add("assignee", filter.Assignee.Trim());
        }
        var total = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM workflow_instances i WHERE {where}", parameters);
        parameters.Add("take", pageSize);
        parameters.Add("skip", (Math.Max(1, page) - 1) * pageSize);
        var rows = await session.QueryAsync<WorkflowInstanceStore.InstanceRow>(
            $"SELECT {InstanceColumns} FROM workflow_instances i WHERE {where} ORDER BY i.created_utc DESC, i.id DESC LIMIT @take OFFSET @skip",
            parameters);
        return (rows.Select(r => r.ToInstance()).ToList(), total);
    }

    /// <summary>An instance's tasks, open first then newest.</summary>
    public async Task<IReadOnlyList<WorkflowTask>> TasksOfAsync(string instanceId) =>
        (await session.QueryAsync<WorkflowTask>("""
            SELECT id AS Id, instance_id AS InstanceId, activity_id AS ActivityId, title AS Title, correlation_id AS CorrelationId,
                roles AS RolesText, status AS Status, created_utc AS CreatedUtc, done_by AS DoneBy, done_action AS DoneAction,
                done_utc AS DoneUtc, comment AS Comment
            FROM workflow_tasks WHERE instance_id = @instanceId ORDER BY created_utc DESC, id
            """, new { instanceId })).OrderBy(t => t.Status == WorkflowTask.Open ? 0 : 1).ToList();

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

public sealed record InstanceFilter(string? Status, string? DefinitionId, string? Item, string? Assignee);
