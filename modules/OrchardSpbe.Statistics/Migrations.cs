using OrchardSpbe.Data;

namespace OrchardSpbe.Statistics;

/// <summary>
/// Observations are relational (001 Pasal 20(4)), not content JSON. A PD keeps its working values and their history;
/// what Diskominfostandi accepted is copied into the public tables — on the PD (its own) and on the portal (every
/// PD's: the city's cross-sector database, 20(3)), with the same shape so one reader serves both.
/// </summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE stat_indicators (
                content_item_id TEXT PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL, periodicity TEXT NOT NULL,
                data_group TEXT NOT NULL, unit TEXT NOT NULL, decimals INTEGER NOT NULL, disaggregations TEXT NOT NULL,
                published {db.Dialect.Boolean} NOT NULL, modified_utc {db.Dialect.BigInt} NOT NULL);
            CREATE UNIQUE INDEX ux_stat_indicators_code ON stat_indicators (code);

            CREATE TABLE stat_observations (
                indicator_id TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, disaggregation TEXT NOT NULL,
                value {db.Dialect.Double} NOT NULL, status TEXT NOT NULL, note TEXT NULL,
                updated_by TEXT NULL, updated_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (indicator_id, period, area, disaggregation));
            CREATE TABLE stat_observation_history (
                id {db.Dialect.Identity}, indicator_id TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL,
                disaggregation TEXT NOT NULL, value {db.Dialect.Double} NOT NULL, status TEXT NOT NULL, note TEXT NULL,
                changed_by TEXT NULL, changed_utc {db.Dialect.BigInt} NOT NULL, source TEXT NOT NULL);
            CREATE INDEX ix_stat_history_value ON stat_observation_history (indicator_id, period, area, disaggregation, id);

            CREATE TABLE stat_submissions (
                id TEXT PRIMARY KEY, month TEXT NOT NULL, state TEXT NOT NULL, summary TEXT NOT NULL, value_count INTEGER NOT NULL,
                indicators TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL,
                decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NULL, decision_note TEXT NULL);
            CREATE UNIQUE INDEX ux_stat_submissions_open ON stat_submissions (state) WHERE state = 'menunggu';
            CREATE UNIQUE INDEX ux_stat_submissions_accepted ON stat_submissions (month) WHERE state = 'diterima';
            CREATE TABLE stat_submission_values (
                submission_id TEXT NOT NULL, code TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, disaggregation TEXT NOT NULL,
                value {db.Dialect.Double} NOT NULL, status TEXT NOT NULL, note TEXT NULL,
                PRIMARY KEY (submission_id, code, period, area, disaggregation));

            CREATE TABLE stat_public_indicators (
                tenant TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, periodicity TEXT NOT NULL, data_group TEXT NOT NULL,
                category TEXT NOT NULL, estimation_level TEXT NOT NULL, unit TEXT NOT NULL, decimals INTEGER NOT NULL,
                is_public {db.Dialect.Boolean} NOT NULL, metadata TEXT NOT NULL, latest_period TEXT NULL, latest_value {db.Dialect.Double} NULL,
                accepted_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant, code));
            CREATE INDEX ix_stat_public_indicators_group ON stat_public_indicators (data_group, title);
            CREATE INDEX ix_stat_public_indicators_latest ON stat_public_indicators (accepted_utc);
            CREATE TABLE stat_public_observations (
                tenant TEXT NOT NULL, code TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, disaggregation TEXT NOT NULL,
                value {db.Dialect.Double} NOT NULL, status TEXT NOT NULL, accepted_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (tenant, code, period, area, disaggregation));
            CREATE INDEX ix_stat_public_observations_accepted ON stat_public_observations (accepted_utc);

            CREATE TABLE stat_inbound_submissions (
                tenant TEXT NOT NULL, id TEXT NOT NULL, month TEXT NOT NULL, state TEXT NOT NULL, summary TEXT NOT NULL,
                value_count INTEGER NOT NULL, payload TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL,
                received_utc {db.Dialect.BigInt} NOT NULL, decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NULL, decision_note TEXT NULL,
                PRIMARY KEY (tenant, id));
            CREATE INDEX ix_stat_inbound_month ON stat_inbound_submissions (month, tenant);
            CREATE UNIQUE INDEX ux_stat_inbound_accepted ON stat_inbound_submissions (tenant, month) WHERE state = 'diterima';
            CREATE TABLE stat_compliance_marks (
                tenant TEXT NOT NULL, month TEXT NOT NULL, mark TEXT NOT NULL, marked_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (tenant, month));
            CREATE TABLE stat_reminders (month TEXT PRIMARY KEY, sent_utc {db.Dialect.BigInt} NOT NULL);

            CREATE TABLE stat_imports (
                id TEXT PRIMARY KEY, indicator_id TEXT NOT NULL, file_name TEXT NOT NULL, state TEXT NOT NULL,
                rows_read INTEGER NOT NULL, rows_total INTEGER NULL, errors TEXT NULL, created_by TEXT NULL,
                created_utc {db.Dialect.BigInt} NOT NULL, finished_utc {db.Dialect.BigInt} NULL);
            """),
    ];
}
