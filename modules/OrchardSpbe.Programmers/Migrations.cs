using OrchardSpbe.Data;

namespace OrchardSpbe.Programmers;

/// <summary>
/// Reference data (filled by the recipe step <c>programmers-reference</c> from the module's data files), the selection
/// (applications, their documents and each stage's decision) and the members with their terms.
/// </summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE prog_categories (code TEXT PRIMARY KEY, name TEXT NOT NULL, article TEXT NOT NULL, position INTEGER NOT NULL);
            CREATE TABLE prog_roles (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, level TEXT NOT NULL, min_years INTEGER NOT NULL,
                certificate_required {db.Dialect.Boolean} NOT NULL, competencies TEXT NOT NULL, certificates TEXT NOT NULL,
                outputs TEXT NOT NULL, note TEXT NULL, position INTEGER NOT NULL);
            CREATE TABLE prog_domains (code TEXT PRIMARY KEY, number INTEGER NOT NULL, name TEXT NOT NULL);
            CREATE TABLE prog_occupations (code TEXT PRIMARY KEY, name TEXT NOT NULL, domain TEXT NOT NULL, level INTEGER NOT NULL);
            CREATE INDEX ix_prog_occupations_domain ON prog_occupations (domain, level);
            CREATE TABLE prog_areas (code TEXT PRIMARY KEY, name TEXT NOT NULL, domains TEXT NOT NULL, position INTEGER NOT NULL);

            CREATE TABLE prog_applications (
                id TEXT PRIMARY KEY, token TEXT NOT NULL, role_code TEXT NOT NULL, period TEXT NOT NULL,
                full_name TEXT NOT NULL, nik TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL, address TEXT NOT NULL,
                home_pd TEXT NOT NULL, current_unit TEXT NOT NULL, years_experience INTEGER NOT NULL, non_asn {db.Dialect.Boolean} NOT NULL,
                state TEXT NOT NULL, return_reasons TEXT NULL, submitted_utc {db.Dialect.BigInt} NOT NULL,
                closed_utc {db.Dialect.BigInt} NULL, anonymised_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_prog_applications_token ON prog_applications (token);
            CREATE UNIQUE INDEX ux_prog_applications_once ON prog_applications (role_code, period, nik) WHERE state <> 'dikembalikan';
            CREATE INDEX ix_prog_applications_board ON prog_applications (period, state, submitted_utc);
            CREATE TABLE prog_documents (
                application_id TEXT NOT NULL, kind TEXT NOT NULL, file_name TEXT NOT NULL, content_type TEXT NOT NULL,
                size {db.Dialect.BigInt} NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (application_id, kind));
            CREATE TABLE prog_stage_results (
                application_id TEXT NOT NULL, stage TEXT NOT NULL, outcome TEXT NOT NULL, score INTEGER NULL, notes TEXT NULL,
                schedule TEXT NULL, decided_by TEXT NOT NULL, decided_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (application_id, stage));

            CREATE TABLE prog_members (
                id TEXT PRIMARY KEY, application_id TEXT NULL, full_name TEXT NOT NULL, role_code TEXT NOT NULL, placement TEXT NOT NULL,
                decree_number TEXT NOT NULL, decree_date TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
                status TEXT NOT NULL, sample {db.Dialect.Boolean} NOT NULL, created_by TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE UNIQUE INDEX ux_prog_members_decree ON prog_members (decree_number, role_code, full_name);
            CREATE INDEX ix_prog_members_end ON prog_members (status, end_date);
            CREATE TABLE prog_reminders (member_id TEXT NOT NULL, kind TEXT NOT NULL, sent_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (member_id, kind));
            """),
        // Reports and evaluations (000 Pasal 15(2), 20): on the PD where a member is placed, and the evaluations on the portal.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE prog_placements (
                member_id TEXT PRIMARY KEY, full_name TEXT NOT NULL, role_code TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
                status TEXT NOT NULL, user_name TEXT NULL, received_utc {db.Dialect.BigInt} NOT NULL);
            CREATE TABLE prog_reports (
                id TEXT PRIMARY KEY, member_id TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL, outputs TEXT NOT NULL, summary TEXT NOT NULL,
                filed_by TEXT NOT NULL, filed_utc {db.Dialect.BigInt} NOT NULL, rating TEXT NULL, evaluation_note TEXT NULL,
                evaluated_by TEXT NULL, evaluated_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_prog_reports_once ON prog_reports (member_id, kind, period);
            CREATE TABLE prog_evaluations (
                tenant TEXT NOT NULL, report_id TEXT NOT NULL, member_id TEXT NOT NULL, full_name TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL,
                summary TEXT NOT NULL, outputs TEXT NOT NULL, rating TEXT NOT NULL, note TEXT NULL, evaluated_by TEXT NOT NULL,
                evaluated_utc {db.Dialect.BigInt} NOT NULL, received_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (tenant, report_id));
            CREATE INDEX ix_prog_evaluations_member ON prog_evaluations (member_id, evaluated_utc);
            """),
        // The rules of 15(3)–(5), run by schedule: meetings and attendance, warning tasks, removal proposals, each decision.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE prog_meetings (id TEXT PRIMARY KEY, held_on TEXT NOT NULL, topic TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_utc {db.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_prog_meetings_held ON prog_meetings (held_on);
            CREATE TABLE prog_attendance (meeting_id TEXT NOT NULL, member_id TEXT NOT NULL, presence TEXT NOT NULL, reason TEXT NULL, PRIMARY KEY (meeting_id, member_id));
            CREATE TABLE prog_cases (
                id TEXT PRIMARY KEY, member_id TEXT NOT NULL, kind TEXT NOT NULL, stage TEXT NOT NULL, basis TEXT NOT NULL, rule_key TEXT NOT NULL,
                opened_utc {db.Dialect.BigInt} NOT NULL, closed_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_prog_cases_rule ON prog_cases (member_id, kind, rule_key);
            CREATE TABLE prog_case_decisions (
                case_id TEXT NOT NULL, stage TEXT NOT NULL, decision TEXT NOT NULL, note TEXT NULL, decided_by TEXT NOT NULL, decided_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (case_id, stage));
            CREATE TABLE prog_pd_tasks (
                id TEXT PRIMARY KEY, member_id TEXT NOT NULL, kind TEXT NOT NULL, basis TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL,
                decision TEXT NULL, note TEXT NULL, decided_by TEXT NULL, decided_utc {db.Dialect.BigInt} NULL);
            CREATE TABLE prog_rule_marks (member_id TEXT NOT NULL, kind TEXT NOT NULL, rule_key TEXT NOT NULL, marked_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (member_id, kind, rule_key));
            """),
        // The competency map of 004: people linked to occupation codes and certificates, and each PD's needs per SPBE area.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE prog_member_competencies (member_id TEXT PRIMARY KEY, occupations TEXT NOT NULL, certificates TEXT NOT NULL);
            CREATE TABLE prog_staff (tenant TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, occupations TEXT NOT NULL, certificates TEXT NOT NULL,
                PRIMARY KEY (tenant, id));
            CREATE TABLE prog_needs (tenant TEXT NOT NULL, area TEXT NOT NULL, needed INTEGER NOT NULL, set_by TEXT NOT NULL, set_utc {db.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (tenant, area));
            """),
        // Due dates and late marks (as for statistics): each report keeps the due date it answered and whether it came late; the
        // portal keeps the marks the PDs send — late reports and reports missing past due — for the Sekretaris and the Ketua.
        async db => await db.ExecuteAsync($"""
            ALTER TABLE prog_reports ADD COLUMN due_date TEXT NULL;
            ALTER TABLE prog_reports ADD COLUMN due_state TEXT NULL;
            CREATE TABLE prog_report_marks (
                tenant TEXT NOT NULL, member_id TEXT NOT NULL, full_name TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL, due_date TEXT NOT NULL,
                state TEXT NOT NULL, filed_utc {db.Dialect.BigInt} NULL, received_utc {db.Dialect.BigInt} NOT NULL, PRIMARY KEY (member_id, kind, period));
            CREATE INDEX ix_prog_report_marks_state ON prog_report_marks (state, due_date);
            """),
        // The Ketua's written final report of the year (000 Pasal 20(4)–(5)), to the Pembina: a conclusion per member.
        async db => await db.ExecuteAsync($"""
            CREATE TABLE prog_final_reports (
                id TEXT PRIMARY KEY, year INTEGER NOT NULL, summary TEXT NOT NULL, written_by TEXT NOT NULL, written_utc {db.Dialect.BigInt} NOT NULL,
                read_by TEXT NULL, read_utc {db.Dialect.BigInt} NULL);
            CREATE UNIQUE INDEX ux_prog_final_reports_year ON prog_final_reports (year);
            CREATE TABLE prog_final_conclusions (
                report_id TEXT NOT NULL, member_id TEXT NOT NULL, full_name TEXT NOT NULL, recommendation TEXT NOT NULL, conclusion TEXT NOT NULL,
                PRIMARY KEY (report_id, member_id));
            CREATE INDEX ix_prog_final_conclusions_member ON prog_final_conclusions (member_id);
            """),
        // The selection board's unfiltered list: the newest of a round without reading and sorting the whole round (the benchmark).
        async db => await db.ExecuteAsync("CREATE INDEX ix_prog_applications_recent ON prog_applications (period, submitted_utc)"),
    ];
}
