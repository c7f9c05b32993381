using OrchardSpbe.Data;

namespace OrchardSpbe.Datasets;

/// <summary>
/// A PD's datasets (the latest version's fields, and whether one is published), their resources, and the DataStore:
/// one relational table per tabular resource (<c>dst_…</c>), named in <c>ds_resources.datastore_table</c> so a reload
/// swaps the name in one transaction (readers never see a half-loaded table).
/// </summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE ds_datasets (
                content_item_id TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL, data_group TEXT NOT NULL,
                classification TEXT NOT NULL, license_id TEXT NOT NULL, tags TEXT NOT NULL, part TEXT NOT NULL,
                published {db.Dialect.Boolean} NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                modified_utc {db.Dialect.BigInt} NOT NULL, published_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_ds_datasets_name ON ds_datasets (name);
            CREATE INDEX ix_ds_datasets_public ON ds_datasets (published, classification, modified_utc);

            CREATE TABLE ds_resources (
                id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NULL,
                url_type TEXT NOT NULL, url TEXT NULL, file_path TEXT NULL, format TEXT NOT NULL, media_type TEXT NOT NULL,
                size {db.Dialect.BigInt} NULL, sha256 TEXT NULL, last_modified_utc {db.Dialect.BigInt} NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                datastore_table TEXT NULL, datastore_fields TEXT NULL, datastore_rows {db.Dialect.BigInt} NULL, datastore_error TEXT NULL);
            CREATE INDEX ix_ds_resources_dataset ON ds_resources (dataset_id, position);
            """),
        // API tokens: only a SHA-256 of each is kept; a token is this tenant's alone (it is looked up in its store).
        async db => await db.ExecuteAsync($"""
            CREATE TABLE ds_api_tokens (
                id TEXT PRIMARY KEY, user_name TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                expires_utc {db.Dialect.BigInt} NOT NULL, revoked_utc {db.Dialect.BigInt} NULL, last_used_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_ds_api_tokens_hash ON ds_api_tokens (hash);
            CREATE INDEX ix_ds_api_tokens_user ON ds_api_tokens (user_name, created_utc);
            """),
        // Data-sharing requests between PDs (003 Pasal 10(1)): each side keeps the request (its direction and state) and
        // its history; the walidata keeps the grants (a hashed access token valid until the period ends); the portal
        // keeps the refusals without an accepted reason (19(2)a).
        async db => await db.ExecuteAsync($"""
            CREATE TABLE ds_share_requests (
                id TEXT PRIMARY KEY, direction TEXT NOT NULL, requester TEXT NOT NULL, walidata TEXT NOT NULL, dataset_name TEXT NOT NULL,
                dataset_title TEXT NULL, purpose TEXT NOT NULL, period_start {db.Dialect.BigInt} NOT NULL, period_end {db.Dialect.BigInt} NOT NULL,
                requested_by TEXT NOT NULL, requested_utc {db.Dialect.BigInt} NOT NULL, state TEXT NOT NULL, decided_by TEXT NULL,
                decided_utc {db.Dialect.BigInt} NULL, reason_code TEXT NULL, reason_text TEXT NULL, grant_until {db.Dialect.BigInt} NULL, access_token TEXT NULL);
            CREATE INDEX ix_ds_share_requests_state ON ds_share_requests (direction, state, requested_utc);
            CREATE TABLE ds_share_events (
                id {db.Dialect.Identity}, request_id TEXT NOT NULL, at_utc {db.Dialect.BigInt} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, note TEXT NULL);
            CREATE INDEX ix_ds_share_events_request ON ds_share_events (request_id, at_utc);
            CREATE TABLE ds_share_grants (
                request_id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, requester TEXT NOT NULL, token_hash TEXT NOT NULL,
                expires_utc {db.Dialect.BigInt} NOT NULL, last_used_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_ds_share_grants_hash ON ds_share_grants (token_hash);
            CREATE TABLE ds_share_flags (
                request_id TEXT PRIMARY KEY, walidata TEXT NOT NULL, requester TEXT NOT NULL, dataset_name TEXT NOT NULL,
                dataset_title TEXT NULL, reason_text TEXT NULL, decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NOT NULL);
            """),
        // API tokens now serve every API and live with the users (api_tokens, made by the always-enabled Users feature,
        // whose steps run before this module's): the tokens issued here move there with their hashes, so they keep working.
        async db => await db.ExecuteAsync("""
            INSERT INTO api_tokens (id, user_name, name, hash, created_utc, expires_utc, revoked_utc, last_used_utc)
            SELECT id, user_name, name, hash, created_utc, expires_utc, revoked_utc, last_used_utc FROM ds_api_tokens;
            DROP TABLE ds_api_tokens;
            """),
    ];
}
