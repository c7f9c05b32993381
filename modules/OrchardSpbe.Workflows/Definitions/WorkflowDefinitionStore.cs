using System.Text.Json.Nodes;
using OrchardSpbe.Data;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Workflows.Definitions;

/// <summary>
/// Definitions, one row per version. Saving writes a new version (unless nothing changed) and never touches the
/// old ones, so running instances finish on the version they started with. The latest enabled versions are
/// cached in the shell: every content save asks which workflows it starts.
/// </summary>
public sealed class WorkflowDefinitionStore(TenantSession session, TenantContext tenant, IChangeBus changes, TimeProvider clock)
{
    private const string CacheKey = "workflow-definitions";

    /// <summary>The latest version of every enabled definition (what new instances start on).</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> ActiveAsync() =>
        await tenant.Shell.GetOrAddAsync(CacheKey, async () =>
            (IReadOnlyList<WorkflowDefinition>)(await LatestRowsAsync()).Where(r => r.Enabled).Select(r => r.ToDefinition()).ToList());

    public async Task<WorkflowDefinition?> GetAsync(string id, int version) =>
        (await session.QueryAsync<DefinitionRow>($"SELECT {Columns} FROM workflow_definitions WHERE definition_id = @id AND version = @version",
            new { id, version })).Select(r => r.ToDefinition()).FirstOrDefault();

    public async Task<WorkflowDefinition?> LatestAsync(string id) =>
        (await session.QueryAsync<DefinitionRow>($"SELECT {Columns} FROM workflow_definitions WHERE definition_id = @id AND latest = TRUE",
            new { id })).Select(r => r.ToDefinition()).FirstOrDefault();

    /// <summary>Every definition's latest version with its number of versions, for the admin list.</summary>
    public async Task<IReadOnlyList<DefinitionRow>> LatestRowsAsync() =>
        (await session.QueryAsync<DefinitionRow>($"SELECT {Columns} FROM workflow_definitions WHERE latest = TRUE ORDER BY name")).ToList();

    public async Task<IReadOnlyList<DefinitionRow>> VersionsAsync(string id) =>
        (await session.QueryAsync<DefinitionRow>($"SELECT {Columns} FROM workflow_definitions WHERE definition_id = @id ORDER BY version DESC",
            new { id })).ToList();

    /// <summary>
    /// Stores the definition as its next version (or keeps the latest when the JSON is the same, so re-running a
    /// recipe adds nothing). <paramref name="expectedVersion"/>, when given, refuses a save over someone else's.
    /// Returns the stored version and whether it is new, or null when the expected version is stale.
    /// </summary>
    public async Task<(int Version, bool IsNew)?> SaveAsync(WorkflowDefinition definition, string? userName, int? expectedVersion = null)
    {
        await using var transaction = await session.BeginTransactionAsync();
        var latest = await LatestAsync(definition.Id);
        if (expectedVersion is { } expected && (latest?.Version ?? 0) != expected) return null;
        var data = definition.ToJsonString();
        if (latest is not null && latest.ToJsonString() == data)
        {
            await transaction.CommitAsync();
            return (latest.Version, false);
        }
        var version = (latest?.Version ?? 0) + 1;
        await session.ExecuteAsync("UPDATE workflow_definitions SET latest = FALSE WHERE definition_id = @id", new { id = definition.Id });
        await session.ExecuteAsync("""
            INSERT INTO workflow_definitions (definition_id, version, name, enabled, latest, data, created_utc, created_by)
            VALUES (@id, @version, @name, @enabled, TRUE, @data, @now, @userName)
            """, new { id = definition.Id, version, name = definition.Name, enabled = definition.Enabled, data, now = UnixTime.Ms(clock.GetUtcNow()), userName });
        definition.Version = version;
        await session.AfterCommitAsync("workflow-definitions", () => changes.PublishAsync(new HostChange(HostChangeKind.ShellChanged, tenant.Name)));
        await transaction.CommitAsync();
        return (version, true);
    }

    private const string Columns = """
        definition_id AS DefinitionId, version AS Version, name AS Name, enabled AS Enabled, latest AS Latest, data AS Data,
        created_utc AS CreatedUtc, created_by AS CreatedBy
        """;

    public sealed class DefinitionRow
    {
        public string DefinitionId { get; set; } = "";
        public long Version { get; set; }
        public string Name { get; set; } = "";
        public bool Enabled { get; set; }
        public bool Latest { get; set; }
        public string Data { get; set; } = "{}";
        public DateTimeOffset CreatedUtc { get; set; }
        public string? CreatedBy { get; set; }

        public WorkflowDefinition ToDefinition()
        {
            var definition = WorkflowDefinition.FromJson(JsonNode.Parse(Data) as JsonObject ?? []);
            definition.Version = (int)Version;
            return definition;
        }
    }
}
