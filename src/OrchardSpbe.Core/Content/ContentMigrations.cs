using OrchardSpbe.Data;

namespace OrchardSpbe.Content;

/// <summary>
/// The content store of a tenant: one row per version (the document, with its ContentItemIndex columns),
/// and the typed index tables the parts keep (YesSql's map indexes): routes, events, terms, schedules.
/// Owned by the Contents feature, which registers it.
/// </summary>
public sealed class ContentMigrations : DataMigration
{
    public const string Feature = "OrchardSpbe.Contents";

    public override string FeatureId => Feature;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE content_items (
                id {db.Dialect.Identity}, content_item_id TEXT NOT NULL, content_item_version_id TEXT NOT NULL UNIQUE,
                content_type TEXT NOT NULL, display_text TEXT NOT NULL, number INTEGER NOT NULL,
                latest {db.Dialect.Boolean} NOT NULL, published {db.Dialect.Boolean} NOT NULL,
                owner TEXT NULL, author TEXT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                modified_utc {db.Dialect.BigInt} NOT NULL, published_utc {db.Dialect.BigInt} NULL,
                container_id TEXT NULL, data TEXT NOT NULL);
            CREATE INDEX ix_content_items_item ON content_items (content_item_id, latest, published);
            CREATE INDEX ix_content_items_type ON content_items (content_type, latest, modified_utc, id, display_text);
            CREATE INDEX ix_content_items_published ON content_items (published, content_type, published_utc);
            CREATE INDEX ix_content_items_container ON content_items (container_id, published, published_utc);
            CREATE TABLE autoroute_index (document_id {db.Dialect.BigInt} PRIMARY KEY, content_item_id TEXT NOT NULL, path TEXT NOT NULL);
            CREATE INDEX ix_autoroute_path ON autoroute_index (path);
            CREATE TABLE autoroute_redirects (path TEXT PRIMARY KEY, content_item_id TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE event_index (document_id {db.Dialect.BigInt} PRIMARY KEY, start_utc {db.Dialect.BigInt} NULL, end_utc {db.Dialect.BigInt} NULL);
            CREATE INDEX ix_event_start ON event_index (start_utc);
            CREATE TABLE term_index (document_id {db.Dialect.BigInt} NOT NULL, field TEXT NOT NULL, term_id TEXT NOT NULL);
            CREATE INDEX ix_term_index ON term_index (term_id, document_id);
            CREATE TABLE content_schedule (
                content_item_version_id TEXT NOT NULL, action TEXT NOT NULL, due_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (content_item_version_id, action));
            CREATE INDEX ix_content_schedule_due ON content_schedule (due_utc);
            """),
        // The review state an approval process keeps per item (ContentReviewStates), for the admin list's filter.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE content_review_state (
                content_item_id TEXT PRIMARY KEY, state TEXT NOT NULL, label TEXT NOT NULL, updated_utc {db.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_content_review_state ON content_review_state (state);
            """),
    ];
}
