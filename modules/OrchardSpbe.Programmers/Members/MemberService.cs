using System.Globalization;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Reports;
using OrchardSpbe.Programmers.Selection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Members;

public sealed class MemberRow
{
    public string Id { get; set; } = "";
    public string? ApplicationId { get; set; }
    public string FullName { get; set; } = "";
    public string RoleCode { get; set; } = "";
    public string Placement { get; set; } = "";
    public string DecreeNumber { get; set; } = "";
    public string DecreeDate { get; set; } = "";
    public string StartDate { get; set; } = "";
    public string EndDate { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Sample { get; set; }
}

/// <summary>A coordinator's evaluation as it reached the portal.</summary>
public sealed class EvaluationRow
{
    public string Tenant { get; set; } = "";
    public string ReportId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Period { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Rating { get; set; } = "";
    public string? Note { get; set; }
    public string EvaluatedBy { get; set; } = "";
    public DateTimeOffset EvaluatedUtc { get; set; }
}

/// <summary>A PD's due mark for a member's report as it reached the portal.</summary>
public sealed class DueMarkRow
{
    public string Tenant { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Period { get; set; } = "";
    public string DueDate { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset? FiledUtc { get; set; }
}

/// <summary>A member's status (000 Pasal 15).</summary>
public static class MemberStatuses
{
    public const string Active = "aktif";
    public const string Warned = "diperingatkan";
    public const string Removed = "diberhentikan";
    public const string Finished = "selesai";

    public static string Label(string status) => status switch
    {
        Active => "Aktif",
        Warned => "Diperingatkan",
        Removed => "Diberhentikan",
        Finished => "Selesai",
        _ => status,
    };

    /// <summary>Serving: shown on the public team page and counted in the PD's competencies.</summary>
    public static readonly string[] Serving = [Active, Warned];
}

public sealed class AppointInput
{
    public string? ApplicationId { get; set; }
    public string? DecreeNumber { get; set; }
    public string? DecreeDate { get; set; }
    public string? Placement { get; set; }
    public string? StartDate { get; set; }

    /// <summary>National ICT occupation codes (004), comma-separated, and the member's certificates.</summary>
    public string? Occupations { get; set; }
    public string? Certificates { get; set; }
}

/// <summary>
/// Appointment by the Mayor's decree for one year (000 Pasal 15(1)), of an applicant who passed the selection, placed at a
/// PD whose head is the member's coordinator (Pasal 4).
/// </summary>
public sealed class MemberService(
    TenantSession session, TenantRegistry registry, SelectionBoard board, Competency.CompetencyMap competencies, HandoverOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string Columns = """
        id AS Id, application_id AS ApplicationId, full_name AS FullName, role_code AS RoleCode, placement AS Placement, decree_number AS DecreeNumber,
        decree_date AS DecreeDate, start_date AS StartDate, end_date AS EndDate, status AS Status, sample AS Sample
        """;

    public async Task<IReadOnlyList<MemberRow>> ListAsync(bool servingOnly = false) =>
        (await session.QueryAsync<MemberRow>($"""
            SELECT {Columns} FROM prog_members {(servingOnly ? "WHERE status IN ('aktif', 'diperingatkan')" : "")} ORDER BY full_name
            """)).ToList();

    public async Task<MemberRow?> FindAsync(string id) =>
        await session.QuerySingleOrDefaultAsync<MemberRow>($"SELECT {Columns} FROM prog_members WHERE id = @id", new { id });

    /// <summary>Applications that passed and have no member yet.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> AppointableAsync() =>
        (await session.QueryAsync<ApplicationRow>("""
            SELECT id AS Id, role_code AS RoleCode, period AS Period, full_name AS FullName, home_pd AS HomePd, state AS State, submitted_utc AS SubmittedUtc
            FROM prog_applications a WHERE state = 'lulus' AND NOT EXISTS (SELECT 1 FROM prog_members m WHERE m.application_id = a.id)
            ORDER BY full_name
            """)).ToList();

    public async Task<(MemberRow? Member, string? Error)> AppointAsync(AppointInput input, string userName)
    {
        var application = input.ApplicationId is { Length: > 0 } id ? await board.FindAsync(id) : null;
        if (application is null || application.State != SelectionStates.Passed) return (null, T["Pilih pelamar yang lulus seleksi."]);
        var decree = (input.DecreeNumber ?? "").Trim();
        if (decree.Length is < 3 or > 100) return (null, T["Tulis nomor Keputusan Wali Kota."]);
        if (!TryDate(input.DecreeDate, out var decreeDate)) return (null, T["Tanggal keputusan tidak valid (tulis seperti 2026-01-05)."]);
        if (!TryDate(input.StartDate, out var start)) return (null, T["Tanggal mulai tidak valid (tulis seperti 2026-01-05)."]);
        if (start < decreeDate) return (null, T["Masa tugas tidak dapat dimulai sebelum tanggal keputusan."]);
        var placement = registry.Find(input.Placement ?? "");
        if (placement is null || placement.IsDefault) return (null, T["Pilih perangkat daerah penempatan."]);
        var (codes, codeError) = await competencies.CheckCodesAsync(input.Occupations);
        if (codeError is not null) return (null, codeError);
        var certificates = Competency.CompetencyMap.Split(input.Certificates);
        if (certificates.Count > 20 || certificates.Any(c => c.Length > 100)) return (null, T["Sertifikat paling banyak 20, masing-masing 100 karakter."]);
        // 15(1): one year from the appointment.
        var end = start.AddYears(1).AddDays(-1);
        var member = new MemberRow
        {
            Id = Guid.NewGuid().ToString("N")[..20], ApplicationId = application.Id, FullName = application.FullName, RoleCode = application.RoleCode,
            Placement = placement.Name, DecreeNumber = decree, DecreeDate = Iso(decreeDate), StartDate = Iso(start), EndDate = Iso(end), Status = MemberStatuses.Active,
        };
        await using var transaction = await session.BeginTransactionAsync();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM prog_members WHERE application_id = @id", new { id = application.Id }) > 0)
            return (null, T["Pelamar ini sudah diangkat."]);
        await InsertAsync(member, sample: false, userName);
        // 004: the member's occupations count in the placement PD's competencies from now on.
        await competencies.SetMemberCompetenciesAsync(member.Id, codes, certificates);
        await audit.RecordAsync("programmers.member.appointed", "anggota:" + member.Id, $"{decree}; {placement.Name}; {member.StartDate}–{member.EndDate}", userName);
        await transaction.CommitAsync();
        return (member, null);
    }

    public async Task InsertAsync(MemberRow member, bool sample, string userName)
    {
        await session.ExecuteAsync("""
            INSERT INTO prog_members (id, application_id, full_name, role_code, placement, decree_number, decree_date, start_date, end_date, status, sample, created_by, created_utc)
            VALUES (@Id, @ApplicationId, @FullName, @RoleCode, @Placement, @DecreeNumber, @DecreeDate, @StartDate, @EndDate, @Status, @sample, @userName, @now)
            """, new { member.Id, member.ApplicationId, member.FullName, member.RoleCode, member.Placement, member.DecreeNumber, member.DecreeDate, member.StartDate, member.EndDate, member.Status, sample, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
        await TellPlacementAsync(member);
    }

    /// <summary>The PD where the member is placed keeps its copy (reports are filed and evaluated there), by the Core hand-over.</summary>
    private Task TellPlacementAsync(MemberRow member) =>
        outbox.SendAsync(member.Placement, ReportHandoverKinds.Placement, member.Id + ":" + member.EndDate + ":" + member.Status,
            new PlacementPayload(member.Id, member.FullName, member.RoleCode, member.StartDate, member.EndDate, member.Status));

    /// <summary>
    /// Extension by a new decree for another year (15(1)): only on a positive evaluation — the latest evaluation of the member's
    /// reports that reached the portal is "baik".
    /// </summary>
    public async Task<string?> ExtendAsync(string id, string? decreeNumber, string userName)
    {
        if (await FindAsync(id) is not { } member) return T["Anggota tidak ditemukan."];
        if (!MemberStatuses.Serving.Contains(member.Status)) return T["Hanya anggota yang sedang bertugas yang dapat diperpanjang."];
        var decree = (decreeNumber ?? "").Trim();
        if (decree.Length is < 3 or > 100) return T["Tulis nomor Keputusan Wali Kota."];
        var latest = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT rating FROM prog_evaluations WHERE member_id = @id ORDER BY evaluated_utc DESC LIMIT 1", new { id });
        if (latest != Ratings.Good)
            return T["Perpanjangan memerlukan hasil evaluasi kinerja yang baik (Pasal 15 ayat 1); evaluasi terakhir: {0}.", latest is null ? T["Belum ada"].Value : T[Ratings.Label(latest)].Value];
        // 20(4)–(5): the Ketua's final report and the evaluations are the basis of next year's appointments.
        if (!await new FinalReportQuery(session).RecommendsExtensionAsync(id))
            return T["Perpanjangan memerlukan laporan akhir Ketua Tim yang merekomendasikan perpanjangan {0} (Pasal 20 ayat 4–5); tulis laporan akhir terlebih dahulu.", member.FullName];
        member.EndDate = Iso(DateOnly.ParseExact(member.EndDate, "yyyy-MM-dd").AddYears(1));
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync("UPDATE prog_members SET end_date = @EndDate, decree_number = @decree WHERE id = @Id", new { member.EndDate, member.Id, decree });
        await session.ExecuteAsync("DELETE FROM prog_reminders WHERE member_id = @Id", new { member.Id });
        await TellPlacementAsync(member);
        await audit.RecordAsync("programmers.member.extended", "anggota:" + id, $"{decree}; sampai {member.EndDate}", userName);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>The status follows a decision (a warning, a removal); the PD where the member is placed is told.</summary>
    public async Task SetStatusAsync(string id, string status, string userName)
    {
        if (await FindAsync(id) is not { } member || member.Status == status || member.Status == MemberStatuses.Removed) return;
        member.Status = status;
        await session.ExecuteAsync("UPDATE prog_members SET status = @status WHERE id = @id", new { id, status });
        await TellPlacementAsync(member);
        await audit.RecordAsync("programmers.member.status", "anggota:" + id, status, userName);
    }

    public async Task<IReadOnlyList<EvaluationRow>> EvaluationsAsync(int take = 200) =>
        (await session.QueryAsync<EvaluationRow>($"""
            SELECT tenant AS Tenant, report_id AS ReportId, member_id AS MemberId, full_name AS FullName, kind AS Kind, period AS Period, summary AS Summary,
                   rating AS Rating, note AS Note, evaluated_by AS EvaluatedBy, evaluated_utc AS EvaluatedUtc
            FROM prog_evaluations ORDER BY evaluated_utc DESC LIMIT {take}
            """)).ToList();

    /// <summary>The late and missing reports the PDs marked (due dates as for statistics), newest due date first.</summary>
    public async Task<IReadOnlyList<DueMarkRow>> DueMarksAsync(int take = 200) =>
        (await session.QueryAsync<DueMarkRow>($"""
            SELECT tenant AS Tenant, member_id AS MemberId, full_name AS FullName, kind AS Kind, period AS Period, due_date AS DueDate, state AS State, filed_utc AS FiledUtc
            FROM prog_report_marks WHERE state IN ('terlambat', 'tidak-menyampaikan') ORDER BY due_date DESC, full_name LIMIT {take}
            """)).ToList();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact((value ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2100;
}
