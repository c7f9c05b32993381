using OrchardSpbe.Data;

namespace OrchardSpbe.Applications;

/// <summary>
/// A PD keeps its own applications, devices, documents, PD Mandiri TIK proposal and semester reports. The portal keeps
/// the city register (what PDs handed over, the decisions, registration numbers, security levels, every registered IP
/// range), the public catalogue copy (non-sensitive fields only), the reports received and the governance assessments.
/// Both sides have every table, so one migration serves both.
/// </summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE app_applications (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, users TEXT NOT NULL, app_class TEXT NOT NULL,
                builder TEXT NOT NULL, contract TEXT NULL, lifecycle TEXT NOT NULL, url TEXT NOT NULL, url_key TEXT NOT NULL,
                hosting TEXT NOT NULL, cloud_provider TEXT NULL, cloud_approval TEXT NULL, stack TEXT NOT NULL, licence TEXT NOT NULL,
                repository TEXT NULL, apis_provided TEXT NOT NULL, apis_consumed TEXT NOT NULL, datasets TEXT NOT NULL, is_public {db.Dialect.Boolean} NOT NULL,
                state TEXT NOT NULL, registration_number TEXT NULL, security_level TEXT NULL, review_note TEXT NULL,
                submitted_utc {db.Dialect.BigInt} NULL, decided_utc {db.Dialect.BigInt} NULL,
                modified_by TEXT NULL, modified_utc {db.Dialect.BigInt} NOT NULL);
            CREATE UNIQUE INDEX ux_app_applications_url ON app_applications (url_key);
            CREATE TABLE app_documents (
                id TEXT PRIMARY KEY, application_id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, file_name TEXT NOT NULL,
                stored_name TEXT NOT NULL, content_type TEXT NOT NULL, size {db.Dialect.BigInt} NOT NULL, sha256 TEXT NOT NULL,
                uploaded_by TEXT NULL, uploaded_utc {db.Dialect.BigInt} NOT NULL);
            CREATE UNIQUE INDEX ux_app_documents_version ON app_documents (application_id, kind, version);
            CREATE TABLE app_devices (
                id TEXT PRIMARY KEY, device_type TEXT NOT NULL, vendor TEXT NOT NULL, model TEXT NOT NULL, location TEXT NOT NULL,
                ip_ranges TEXT NOT NULL, status TEXT NOT NULL, state TEXT NOT NULL, registration_number TEXT NULL, security_level TEXT NULL,
                review_note TEXT NULL, submitted_utc {db.Dialect.BigInt} NULL, decided_utc {db.Dialect.BigInt} NULL,
                modified_by TEXT NULL, modified_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE app_device_ranges (
                device_id TEXT NOT NULL, cidr TEXT NOT NULL, ip_start {db.Dialect.BigInt} NOT NULL, ip_end {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (device_id, cidr));
            CREATE INDEX ix_app_device_ranges_start ON app_device_ranges (ip_start, ip_end);
            CREATE TABLE app_mandiri (
                id TEXT PRIMARY KEY, criteria TEXT NOT NULL, proposal TEXT NOT NULL, state TEXT NOT NULL, submitted_by TEXT NOT NULL,
                submitted_utc {db.Dialect.BigInt} NOT NULL, decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NULL,
                designated_on TEXT NULL, decree TEXT NULL, note TEXT NULL);
            CREATE TABLE app_reports (
                semester TEXT PRIMARY KEY, applications INTEGER NOT NULL, devices INTEGER NOT NULL, content TEXT NOT NULL,
                incidents TEXT NOT NULL, changes TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL);

            CREATE TABLE app_register (
                tenant TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, url_key TEXT NULL, state TEXT NOT NULL,
                registration_number TEXT NULL, security_level TEXT NULL, payload TEXT NOT NULL, submitted_by TEXT NOT NULL,
                submitted_utc {db.Dialect.BigInt} NOT NULL, received_utc {db.Dialect.BigInt} NOT NULL, decided_by TEXT NULL,
                decided_utc {db.Dialect.BigInt} NULL, note TEXT NULL, PRIMARY KEY (tenant, kind, id));
            CREATE UNIQUE INDEX ux_app_register_number ON app_register (registration_number);
            CREATE UNIQUE INDEX ux_app_register_url ON app_register (url_key) WHERE state = 'terdaftar';
            CREATE INDEX ix_app_register_state ON app_register (state, received_utc);
            CREATE TABLE app_register_ranges (
                tenant TEXT NOT NULL, device_id TEXT NOT NULL, cidr TEXT NOT NULL, ip_start {db.Dialect.BigInt} NOT NULL,
                ip_end {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant, device_id, cidr));
            CREATE INDEX ix_app_register_ranges_start ON app_register_ranges (ip_start, ip_end);
            CREATE TABLE app_register_documents (
                tenant TEXT NOT NULL, application_id TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL,
                file_name TEXT NOT NULL, stored_name TEXT NOT NULL, content_type TEXT NOT NULL, size {db.Dialect.BigInt} NOT NULL,
                sha256 TEXT NOT NULL, uploaded_by TEXT NULL, uploaded_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (tenant, application_id, id));
            CREATE TABLE app_public (
                tenant TEXT NOT NULL, id TEXT NOT NULL, registration_number TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
                users TEXT NOT NULL, app_class TEXT NOT NULL, lifecycle TEXT NOT NULL, url TEXT NOT NULL, stack TEXT NOT NULL,
                licence TEXT NOT NULL, repository TEXT NULL, apis_provided TEXT NOT NULL, apis_consumed TEXT NOT NULL, datasets TEXT NOT NULL,
                is_public {db.Dialect.Boolean} NOT NULL, registered_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant, id));
            CREATE UNIQUE INDEX ux_app_public_number ON app_public (registration_number);
            CREATE INDEX ix_app_public_list ON app_public (is_public, name);
            CREATE TABLE app_mandiri_register (
                tenant TEXT PRIMARY KEY, proposal_id TEXT NOT NULL, criteria TEXT NOT NULL, proposal TEXT NOT NULL, state TEXT NOT NULL,
                submitted_by TEXT NOT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL, decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NULL,
                designated_on TEXT NULL, decree TEXT NULL, note TEXT NULL);
            CREATE TABLE app_inbound_reports (
                tenant TEXT NOT NULL, semester TEXT NOT NULL, applications INTEGER NOT NULL, devices INTEGER NOT NULL, content TEXT NOT NULL,
                incidents TEXT NOT NULL, changes TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL,
                received_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant, semester));
            CREATE INDEX ix_app_inbound_reports_semester ON app_inbound_reports (semester, tenant);
            CREATE TABLE app_assessments (
                id {db.Dialect.Identity}, tenant TEXT NOT NULL, application_id TEXT NOT NULL, period TEXT NOT NULL, scores TEXT NOT NULL,
                score {db.Dialect.Double} NOT NULL, note TEXT NULL, assessed_by TEXT NOT NULL, assessed_utc {db.Dialect.BigInt} NOT NULL);
            CREATE UNIQUE INDEX ux_app_assessments_period ON app_assessments (tenant, application_id, period);
            """),
        // On the PD: the SHA-256 of each application's documents Diskominfo's repository holds (from its last decision),
        // so a resubmission carries only the documents that changed.
        async db => await db.ExecuteAsync("""
            CREATE TABLE app_portal_documents (application_id TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (application_id, sha256));
            """),
        // The programmers assigned (issue 14, through Core's IProgrammerDirectory): member ids on the PD, name and role in the catalogue copy.
        async db => await db.ExecuteAsync("""
            ALTER TABLE app_applications ADD COLUMN programmers TEXT NOT NULL DEFAULT '';
            ALTER TABLE app_public ADD COLUMN programmers TEXT NOT NULL DEFAULT '';
            """),
    ];
}
