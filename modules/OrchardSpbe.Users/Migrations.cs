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
    ];
}
