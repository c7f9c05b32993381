using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using static OrchardSpbe.Bench.PreparedSqlite;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 13's data on SQLite, in bulk: the portal and the PD tenants are created in-process (bekasi-portal and pd-site
/// recipes, which import the programmer module's reference data); then, straight into the tables as the screens would have
/// left them, the current selection round's applicants (each with four documents and the completeness stage decided), the
/// members placed at the PDs with their occupation codes, each PD's registered ICT staff and needs per SPBE area, and
/// years of monthly and quarterly reports — on each PD (filed, evaluated, due dates met) and their evaluations on the portal.
/// Nothing goes through thousands of HTTP posts; the measured pages then run on the real host.
/// </summary>
public static class ProgrammersSeeder
{
    public sealed record Seeded(long Applicants, long Members, long Reports, long Evaluations, TimeSpan Elapsed);

    public static Seeded Seed(BenchSettings settings, string appData, IReadOnlyList<PdSite> sites)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261127);
        var now = DateTimeOffset.UtcNow;
        var nowMs = now.ToUnixTimeMilliseconds();
        var period = now.ToOffset(TimeSpan.FromHours(7)).Year.ToString(CultureInfo.InvariantCulture);
        using var portal = Open(appData, TenantRecord.DefaultName);
        var roles = Strings(portal, "SELECT code FROM prog_roles ORDER BY position");
        var occupations = Strings(portal, "SELECT code FROM prog_occupations ORDER BY code");
        var areas = Strings(portal, "SELECT code FROM prog_areas ORDER BY position");
        if (roles.Count == 0 || occupations.Count == 0) throw new InvalidOperationException("The portal has no programmer reference data (is the Programmers feature on?).");
        string Codes(int count) => string.Join(",", Enumerable.Range(0, count).Select(_ => occupations[random.Next(occupations.Count)]).Distinct());

        // 1. The selection round: applicants with their documents and the first stage decided for most.
        string[] states = ["diajukan", "dikembalikan", "wawancara", "uji-praktik", "lulus", "tidak-lulus"];
        string[] documents = ["cv", "pengalaman", "kemampuan", "sertifikat"];
        using (var tx = portal.BeginTransaction())
        {
            var application = Command(portal, tx, """
                INSERT INTO prog_applications (id, token, role_code, period, full_name, nik, email, phone, address, home_pd, current_unit, years_experience, non_asn, state, return_reasons, submitted_utc)
                VALUES ($id, $token, $role, $period, $name, $nik, $email, '0812-0000-0000', 'Jl. Ahmad Yani, Bekasi', $home, 'Subbagian Umum', $years, 1, $state, $reasons, $submitted)
                """, "$id", "$token", "$role", "$period", "$name", "$nik", "$email", "$home", "$years", "$state", "$reasons", "$submitted");
            var document = Command(portal, tx, """
                INSERT INTO prog_documents (application_id, kind, file_name, content_type, size, sha256) VALUES ($id, $kind, $file, 'application/pdf', 48213, $sha)
                """, "$id", "$kind", "$file", "$sha");
            var stage = Command(portal, tx, """
                INSERT INTO prog_stage_results (application_id, stage, outcome, score, notes, schedule, decided_by, decided_utc) VALUES ($id, 'kelengkapan', $outcome, NULL, NULL, 'Senin 09.00 WIB', 'seleksi', $at)
                """, "$id", "$outcome", "$at");
            for (var i = 0; i < settings.ProgApplicants; i++)
            {
                var id = $"bench{i:D6}app";
                var state = states[i % 7 < 2 ? 0 : i % states.Length];
                Run(application, id, Guid.NewGuid().ToString("N"), roles[i % roles.Count], period, $"Pelamar Uji {i:D4}", $"3275{i:D12}", $"pelamar{i}@example.id",
                    sites[i % sites.Count].Name, 2 + i % 6, state, state == "dikembalikan" ? "Berkas belum lengkap: sertifikat" : null, nowMs - (settings.ProgApplicants - i) * 60_000L);
                foreach (var kind in documents) Run(document, id, kind, kind + ".pdf", Convert.ToHexString(Guid.NewGuid().ToByteArray()));
                if (state != "diajukan") Run(stage, id, state == "dikembalikan" ? "dikembalikan" : "lulus", nowMs - (settings.ProgApplicants - i) * 30_000L);
            }
            tx.Commit();
        }

        // 2. Members placed at the PDs, with years of reports: started ProgYears ago, their terms extended each year.
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var start = new DateOnly(today.Year - settings.ProgYears, today.Month, 1);
        var end = new DateOnly(today.Year, today.Month, 1).AddYears(1).AddDays(-1);
        var months = Enumerable.Range(0, settings.ProgYears * 12).Select(m => start.AddMonths(m)).ToList();
        var quarters = months.Where(m => (m.Month - 1) % 3 == 0 && m.AddMonths(3) <= new DateOnly(today.Year, today.Month, 1)).ToList();
        var members = Enumerable.Range(0, settings.ProgMembers).Select(i => (Id: $"bench{i:D5}member", Name: $"Anggota Uji {i:D3}", Role: roles[i % roles.Count], Pd: sites[i % sites.Count].Name)).ToList();
        long reports = 0, evaluations = 0;
        using (var tx = portal.BeginTransaction())
        {
            var member = Command(portal, tx, """
                INSERT INTO prog_members (id, application_id, full_name, role_code, placement, decree_number, decree_date, start_date, end_date, status, sample, created_by, created_utc)
                VALUES ($id, NULL, $name, $role, $pd, $decree, $start, $start, $end, 'aktif', 0, 'bench', $now)
                """, "$id", "$name", "$role", "$pd", "$decree", "$start", "$end", "$now");
            var competency = Command(portal, tx, "INSERT INTO prog_member_competencies (member_id, occupations, certificates) VALUES ($id, $codes, 'LPIC-1, CCNA')", "$id", "$codes");
            var evaluation = Command(portal, tx, """
                INSERT INTO prog_evaluations (tenant, report_id, member_id, full_name, kind, period, summary, outputs, rating, note, evaluated_by, evaluated_utc, received_utc)
                VALUES ($pd, $report, $id, $name, $kind, $period, 'Membangun dan memelihara aplikasi layanan.', '["Source code backend dan frontend"]', $rating, NULL, 'kepala', $at, $at)
                """, "$pd", "$report", "$id", "$name", "$kind", "$period", "$rating", "$at");
            foreach (var m in members)
            {
                Run(member, m.Id, m.Name, m.Role, m.Pd, $"800/Kep.{m.Id[5..10]}-Diskominfostandi", Iso(start), Iso(end), nowMs);
                Run(competency, m.Id, Codes(1 + random.Next(3)));
                foreach (var (kind, code, at) in ReportsOf(months, quarters))
                {
                    Run(evaluation, m.Pd, $"{m.Id}-{code}", m.Id, m.Name, kind, code, random.Next(10) < 8 ? "baik" : "cukup", at);
                    evaluations++;
                }
            }
            var staff = Command(portal, tx, "INSERT INTO prog_staff (tenant, id, name, occupations, certificates) VALUES ($pd, $id, $name, $codes, '')", "$pd", "$id", "$name", "$codes");
            var need = Command(portal, tx, "INSERT INTO prog_needs (tenant, area, needed, set_by, set_utc) VALUES ($pd, $area, $needed, 'admin', $now)", "$pd", "$area", "$needed", "$now");
            foreach (var site in sites)
            {
                for (var s = 0; s < settings.ProgStaffPerPd; s++) Run(staff, site.Name, $"{site.Name}-staf-{s}", $"Staf TIK {s} {site.DisplayName}", Codes(1 + random.Next(2)));
                foreach (var area in areas) Run(need, site.Name, area, 1 + random.Next(6), nowMs);
            }
            tx.Commit();
        }

        // 3. On each PD: its members' placements and their filed, evaluated reports (the due dates met, so the schedule finds nothing to do).
        foreach (var site in sites)
        {
            using var pd = Open(appData, site.Name);
            using var tx = pd.BeginTransaction();
            var placement = Command(pd, tx, """
                INSERT INTO prog_placements (member_id, full_name, role_code, start_date, end_date, status, user_name, received_utc) VALUES ($id, $name, $role, $start, $end, 'aktif', NULL, $now)
                """, "$id", "$name", "$role", "$start", "$end", "$now");
            var report = Command(pd, tx, """
                INSERT INTO prog_reports (id, member_id, kind, period, outputs, summary, filed_by, filed_utc, rating, evaluation_note, evaluated_by, evaluated_utc, due_date, due_state)
                VALUES ($report, $id, $kind, $period, '["Source code backend dan frontend"]', 'Membangun dan memelihara aplikasi layanan.', 'pemrogram', $at, 'baik', NULL, 'kepala', $at, $due, 'tepat-waktu')
                """, "$report", "$id", "$kind", "$period", "$at", "$due");
            foreach (var m in members.Where(m => m.Pd == site.Name))
            {
                Run(placement, m.Id, m.Name, m.Role, Iso(start), Iso(end), nowMs);
                foreach (var (kind, code, at) in ReportsOf(months, quarters))
                {
                    Run(report, $"{m.Id}-{code}", m.Id, kind, code, at, Iso(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(at).UtcDateTime)));
                    reports++;
                }
            }
            tx.Commit();
        }
        SqliteConnection.ClearAllPools();
        return new Seeded(settings.ProgApplicants, members.Count, reports, evaluations, clock.Elapsed);
    }

    /// <summary>Each month's report, and each ended quarter's, filed on the 5th of the month after (before the 10th, when due).</summary>
    private static IEnumerable<(string Kind, string Code, long At)> ReportsOf(List<DateOnly> months, List<DateOnly> quarters)
    {
        static long FiledAt(DateOnly periodEnd) => new DateTimeOffset(periodEnd.AddDays(5).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        foreach (var m in months.Where(m => m.AddMonths(1) <= DateOnly.FromDateTime(DateTime.UtcNow)))
            yield return ("bulanan", m.ToString("yyyy-MM", CultureInfo.InvariantCulture), FiledAt(m.AddMonths(1).AddDays(-1)));
        foreach (var q in quarters)
            yield return ("triwulanan", $"{q.Year:D4}-Q{(q.Month - 1) / 3 + 1}", FiledAt(q.AddMonths(3).AddDays(-1)));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteConnection Open(string appData, string tenant)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "Sites", tenant, "site.db")}");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }
}
