using OrchardSpbe.Data;

namespace OrchardSpbe.Workflows;

/// <summary>
/// Definitions (one row per version, never rewritten), instances with their state, what each waits on,
/// user tasks and the roles that may act on them, the step history, and the cron start timers.
/// </summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE workflow_definitions (
                definition_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,
                enabled {db.Dialect.Boolean} NOT NULL, latest {db.Dialect.Boolean} NOT NULL, data TEXT NOT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL, created_by TEXT NULL,
                PRIMARY KEY (definition_id, version));
            CREATE INDEX ix_workflow_definitions_latest ON workflow_definitions (latest, enabled);
            CREATE TABLE workflow_instances (
                id TEXT PRIMARY KEY, definition_id TEXT NOT NULL, definition_version INTEGER NOT NULL,
                status TEXT NOT NULL, correlation_id TEXT NULL, correlation_title TEXT NULL, state TEXT NOT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL, updated_utc {db.Dialect.BigInt} NOT NULL,
                finished_utc {db.Dialect.BigInt} NULL, row_version INTEGER NOT NULL);
            CREATE INDEX ix_workflow_instances_status ON workflow_instances (status, updated_utc);
            CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id, status);
            CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, status);
            CREATE TABLE workflow_waits (
                instance_id TEXT NOT NULL, activity_id TEXT NOT NULL, kind TEXT NOT NULL, event TEXT NULL,
                correlation_id TEXT NULL, due_utc {db.Dialect.BigInt} NULL,
                PRIMARY KEY (instance_id, activity_id));
            CREATE INDEX ix_workflow_waits_event ON workflow_waits (event, correlation_id);
            CREATE INDEX ix_workflow_waits_due ON workflow_waits (kind, due_utc);
            CREATE TABLE workflow_tasks (
                id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, activity_id TEXT NOT NULL, title TEXT NOT NULL,
                correlation_id TEXT NULL, roles TEXT NOT NULL, status TEXT NOT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL, done_by TEXT NULL, done_action TEXT NULL,
                done_utc {db.Dialect.BigInt} NULL, comment TEXT NULL);
            CREATE INDEX ix_workflow_tasks_instance ON workflow_tasks (instance_id, status);
            CREATE INDEX ix_workflow_tasks_correlation ON workflow_tasks (correlation_id, status);
            CREATE TABLE workflow_task_roles (
                task_id TEXT NOT NULL, role TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (role, created_utc, task_id));
            CREATE INDEX ix_workflow_task_roles_task ON workflow_task_roles (task_id);
            CREATE TABLE workflow_history (
                id {db.Dialect.Identity}, instance_id TEXT NOT NULL, activity_id TEXT NOT NULL, activity_type TEXT NOT NULL,
                activity_title TEXT NOT NULL, outcome TEXT NULL, action TEXT NULL, actor TEXT NULL, comment TEXT NULL,
                at_utc {db.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_workflow_history_instance ON workflow_history (instance_id, id);
            CREATE TABLE workflow_timers (
                definition_id TEXT NOT NULL, activity_id TEXT NOT NULL, version INTEGER NOT NULL,
                next_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (definition_id, activity_id));
            CREATE INDEX ix_workflow_timers_next ON workflow_timers (next_utc);
            """),
        // The admin's instance list: newest first, by status or definition, and the tasks a user decided.
        async db => await db.ExecuteAsync("""
            CREATE INDEX ix_workflow_instances_created ON workflow_instances (created_utc, id);
            CREATE INDEX ix_workflow_instances_status_created ON workflow_instances (status, created_utc);
            CREATE INDEX ix_workflow_instances_definition_created ON workflow_instances (definition_id, created_utc);
            CREATE INDEX ix_workflow_tasks_done_by ON workflow_tasks (done_by, instance_id);
            """),
        // A user task's due date (UserTask "dueAfter"), shown in the inbox.
        async db => await db.ExecuteAsync($"ALTER TABLE workflow_tasks ADD COLUMN due_utc {db.Dialect.BigInt} NULL"),
        // The content version a review task is for: the head decides on that version and no other (issue 16 §1).
        async db => await db.ExecuteAsync("ALTER TABLE workflow_tasks ADD COLUMN content_version_id TEXT NULL"),
    ];
}
