namespace OrchardSpbe.Data;

/// <summary>The framework's own tables in every tenant store: enabled features, documents, the audit log.</summary>
public sealed class FrameworkMigrations : DataMigration
{
    public const string Id = "OrchardSpbe.Framework";

    public override string FeatureId => Id;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE spbe_features (feature_id TEXT PRIMARY KEY, enabled_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE spbe_documents (id TEXT PRIMARY KEY, content TEXT NOT NULL, version INTEGER NOT NULL);
            CREATE TABLE spbe_audit (
                id {db.Dialect.Identity}, at_utc {db.Dialect.BigInt} NOT NULL, user_name TEXT NULL, action TEXT NOT NULL,
                target TEXT NULL, details TEXT NULL, client_ip TEXT NULL);
            CREATE INDEX ix_spbe_audit_at ON spbe_audit (at_utc);
            """),
        // The catalog outbox: what this tenant publishes for the city portal, written with the change itself.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE spbe_catalog_outbox (
                id {db.Dialect.Identity}, kind TEXT NOT NULL, source_id TEXT NOT NULL, entry TEXT NULL, created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_spbe_audit_target ON spbe_audit (target);
            """),
        // The hand-over between tenants (Handover/): what this tenant sends, and what it received, keyed by message
        // id so a message moved twice is kept once; applied_utc marks it applied in the handler's own transaction.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE spbe_handover_outbox (
                id {db.Dialect.Identity}, message_id TEXT NOT NULL UNIQUE, to_tenant TEXT NOT NULL, kind TEXT NOT NULL,
                subject TEXT NOT NULL, payload TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE spbe_handover_inbox (
                message_id TEXT PRIMARY KEY, from_tenant TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
                payload TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL, received_utc {db.Dialect.BigInt} NOT NULL,
                applied_utc {db.Dialect.BigInt} NULL, attempts INTEGER NOT NULL, next_attempt_utc {db.Dialect.BigInt} NULL,
                last_error TEXT NULL);
            CREATE INDEX ix_spbe_handover_inbox_pending ON spbe_handover_inbox (applied_utc, received_utc);
            """),
    ];
}
