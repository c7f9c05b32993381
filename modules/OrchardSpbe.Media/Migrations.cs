using OrchardSpbe.Data;

namespace OrchardSpbe.Media;

public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    // A deleted file keeps its row (deleted_utc set) so its path is never handed out again: the public
    // URL is cached for a year, and a new file must not appear under an old file's address.
    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE media_files (
                id {db.Dialect.Identity}, path TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, content_type TEXT NOT NULL,
                length {db.Dialect.BigInt} NOT NULL, alt_text TEXT NULL, width INTEGER NULL, height INTEGER NULL,
                uploaded_utc {db.Dialect.BigInt} NOT NULL, uploaded_by TEXT NULL, deleted_utc {db.Dialect.BigInt} NULL);
            CREATE INDEX ix_media_files_uploaded ON media_files (uploaded_utc);
            """),
    ];
}
