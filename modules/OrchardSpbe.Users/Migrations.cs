using OrchardSpbe.Data;

namespace OrchardSpbe.Users;

public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE users (
                id TEXT PRIMARY KEY, user_name TEXT NOT NULL, normalized_user_name TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL, normalized_email TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                password_hash TEXT NULL, security_stamp TEXT NOT NULL, concurrency_stamp TEXT NOT NULL,
                lockout_enabled {db.Dialect.Boolean} NOT NULL, lockout_end {db.Dialect.BigInt} NULL,
                access_failed_count INTEGER NOT NULL, is_enabled {db.Dialect.Boolean} NOT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE roles (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, normalized_name TEXT NOT NULL UNIQUE,
                description TEXT NOT NULL, concurrency_stamp TEXT NOT NULL);
            CREATE TABLE user_roles (user_id TEXT NOT NULL, role_id TEXT NOT NULL, PRIMARY KEY (user_id, role_id));
            CREATE TABLE role_claims (id {db.Dialect.Identity}, role_id TEXT NOT NULL, claim_type TEXT NOT NULL, claim_value TEXT NOT NULL);
            CREATE INDEX ix_role_claims_role ON role_claims (role_id);
            """),
        // Each user's API tokens, for every API of the site: only a SHA-256 of each is kept; a token is this tenant's
        // alone (it is looked up in its store). The Datasets module's earlier tokens are copied in by its own step.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY, user_name TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                expires_utc {db.Dialect.BigInt} NOT NULL, revoked_utc {db.Dialect.BigInt} NULL, last_used_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (hash);
            CREATE INDEX ix_api_tokens_user ON api_tokens (user_name, created_utc);
            """),
    ];
}
