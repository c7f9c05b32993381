using OrchardSpbe.Data;

namespace OrchardSpbe.Notifications;

public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        // One index for the badge's unread COUNT, one for the admin list (newest first by id).
        // next_attempt_utc is NULL once an e-mail is sent or given up, so the sender's "what is due" reads only pending rows.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE notifications (
                id {db.Dialect.Identity}, user_name TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
                link TEXT NULL, created_utc {db.Dialect.BigInt} NOT NULL, read_utc {db.Dialect.BigInt} NULL);
            CREATE INDEX ix_notifications_user ON notifications (user_name, read_utc, created_utc);
            CREATE INDEX ix_notifications_list ON notifications (user_name, id);
            CREATE TABLE email_outbox (
                id {db.Dialect.Identity}, to_address TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL, attempts INTEGER NOT NULL, next_attempt_utc {db.Dialect.BigInt} NULL,
                sent_utc {db.Dialect.BigInt} NULL, last_error TEXT NULL);
            CREATE INDEX ix_email_outbox_due ON email_outbox (next_attempt_utc);
            """),
    ];
}
