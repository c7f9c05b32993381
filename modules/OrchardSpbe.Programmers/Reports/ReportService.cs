using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Reporting;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Reports;

public sealed class PlacementRow
{
    public string MemberId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string RoleCode { get; set; } = "";
    public string StartDate { get; set; } = "";
    public string EndDate { get; set; } = "";
    public string Status { get; set; } = "";
    public string? UserName { get; set; }
}

public sealed class ReportRow
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Period { get; set; } = "";
    public string Outputs { get; set; } = "[]";
    public string Summary { get; set; } = "";
    public string FiledBy { get; set; } = "";
    public DateTimeOffset FiledUtc { get; set; }
    public string? Rating { get; set; }
    public string? EvaluationNote { get; set; }
    public string? EvaluatedBy { get; set; }
    public DateTimeOffset? EvaluatedUtc { get; set; }
    public string? DueDate { get; set; }
    public string? DueState { get; set; }

    public IReadOnlyList<string> OutputList => JsonSerializer.Deserialize<List<string>>(Outputs) ?? [];
}

public sealed class PdTaskRow
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Basis { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public string? Decision { get; set; }
    public string? Note { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
}

/// <summary>A report filed late or missing past its due date.</summary>
public sealed record DueRow(string MemberId, string FullName, string Kind, string Period, string DueDate, string State);

public sealed class ReportInput
{
    public string? Kind { get; set; }
    public string? Period { get; set; }
    public List<string> Outputs { get; set; } = [];
    public string? Summary { get; set; }
}

/// <summary>
/// On the PD where members are placed (000 Pasal 4): the member files monthly, quarterly and end-of-term reports listing
/// the outputs their role requires (Pasal 19, 20(1)); the coordinator — the PD head — evaluates each (20(2)), and the
/// evaluation travels to the Sekretaris and the Ketua on the portal by the Core hand-over, in the same transaction.
/// </summary>
public sealed class ReportService(
    TenantSession session, ReferenceDirectory reference, ReportSchedule schedule, HandoverOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string ReportColumns = """
        id AS Id, member_id AS MemberId, kind AS Kind, period AS Period, outputs AS Outputs, summary AS Summary, filed_by AS FiledBy, filed_utc AS FiledUtc,
        rating AS Rating, evaluation_note AS EvaluationNote, evaluated_by AS EvaluatedBy, evaluated_utc AS EvaluatedUtc, due_date AS DueDate, due_state AS DueState
        """;

    public async Task<IReadOnlyList<PlacementRow>> PlacementsAsync() =>
        (await session.QueryAsync<PlacementRow>("""
            SELECT member_id AS MemberId, full_name AS FullName, role_code AS RoleCode, start_date AS StartDate, end_date AS EndDate, status AS Status, user_name AS UserName
            FROM prog_placements ORDER BY full_name
            """)).ToList();

    public async Task<IReadOnlyList<ReportRow>> ReportsAsync(string? memberId = null) =>
        (await session.QueryAsync<ReportRow>($"SELECT {ReportColumns} FROM prog_reports WHERE (@memberId IS NULL OR member_id = @memberId) ORDER BY filed_utc DESC",
            new { memberId })).ToList();

    /// <summary>Portal → PD: keeps the PD's copy of a placed member.</summary>
    public Task ApplyPlacementAsync(PlacementPayload placement) =>
        session.ExecuteAsync("""
            INSERT INTO prog_placements (member_id, full_name, role_code, start_date, end_date, status, received_utc)
            VALUES (@MemberId, @FullName, @RoleCode, @StartDate, @EndDate, @Status, @now)
            ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name, role_code = excluded.role_code, start_date = excluded.start_date,
                end_date = excluded.end_date, status = excluded.status, received_utc = excluded.received_utc
            """, new { placement.MemberId, placement.FullName, placement.RoleCode, placement.StartDate, placement.EndDate, placement.Status, now = UnixTime.Ms(clock.GetUtcNow()) });

    /// <summary>The coordinator names the user account the member files reports with.</summary>
    public async Task<string?> LinkAccountAsync(string? memberId, string? userName, string by)
    {
        userName = (userName ?? "").Trim();
        if (userName.Length is 0 or > 100) return T["Tulis nama pengguna akun programmer."];
        var linked = await session.ExecuteAsync("UPDATE prog_placements SET user_name = @userName WHERE member_id = @memberId", new { memberId, userName });
        if (linked == 0) return T["Anggota tidak ditempatkan di perangkat daerah ini."];
        await audit.RecordAsync("programmers.placement.account", "anggota:" + memberId, userName, by);
        return null;
    }

    public async Task<string?> FileAsync(ReportInput input, string userName)
    {
        var member = (await PlacementsAsync()).FirstOrDefault(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (member is null) return T["Akun Anda belum terhubung dengan anggota Tim Programmer di perangkat daerah ini."];
        if (!MemberStatuses.Serving.Contains(member.Status)) return T["Masa keanggotaan Anda tidak aktif; laporan tidak dapat dikirim."];
        var kind = input.Kind ?? "";
        if (!ReportKinds.All.Contains(kind)) return T["Pilih jenis laporan."];
        var start = DateOnly.ParseExact(member.StartDate, "yyyy-MM-dd");
        var end = DateOnly.ParseExact(member.EndDate, "yyyy-MM-dd");
        if (ReportKinds.Span(kind, input.Period, start, end) is not { } span)
            return T["Periode laporan tidak valid (bulanan: 2026-03; triwulanan: 2026-Q1)."];
        // 15(2): reports cover the member's term, and a period that has begun.
        if (span.Last < start || span.First > end)
            return T["Periode {0} berada di luar masa tugas Anda ({1} sampai {2}).", input.Period ?? "", member.StartDate, member.EndDate];
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow()).DateTime);
        if (span.First > today) return T["Periode {0} belum dimulai.", input.Period ?? ""];
        var role = await reference.RoleAsync(member.RoleCode);
        var outputs = input.Outputs.Where(o => role?.Outputs.Contains(o) == true).Distinct().ToList();
        if (outputs.Count == 0 && kind != ReportKinds.Reason) return T["Centang sekurang-kurangnya satu hasil kerja peran Anda (Pasal 19)."];
        var summary = (input.Summary ?? "").Trim();
        if (summary.Length is < 10 or > 4000) return T["Tulis uraian kegiatan (10–4.000 karakter)."];
        var period = kind == ReportKinds.Final ? ReportKinds.Final : input.Period!.Trim();
        // Due dates as for statistics: the report keeps the due date it answers and whether it came after it.
        var now = clock.GetUtcNow();
        var due = schedule.DueOf(kind, period, member.StartDate, member.EndDate);
        var state = due.StateOf(now, now);
        var id = Guid.NewGuid().ToString("N")[..20];
        await using var transaction = await session.BeginTransactionAsync();
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO prog_reports (id, member_id, kind, period, outputs, summary, filed_by, filed_utc, due_date, due_state)
                VALUES (@id, @member, @kind, @period, @outputs, @summary, @userName, @now, @dueDate, @state)
                """, new { id, member = member.MemberId, kind, period, outputs = JsonSerializer.Serialize(outputs), summary, userName, now = UnixTime.Ms(now),
                    dueDate = DuePeriod.Iso(due.Due), state });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return T["{0} untuk periode {1} sudah dikirim.", T[ReportKinds.Label(kind)].Value, period];
        }
        // The Sekretaris and the Ketua see the mark on the portal (a written reason answers for its month's report).
        var owedKind = kind == ReportKinds.Reason ? ReportKinds.Monthly : kind;
        await outbox.SendAsync(TenantRecord.DefaultName, ReportHandoverKinds.Due, $"{member.MemberId}:{owedKind}:{period}:filed",
            new ReportDuePayload(member.MemberId, member.FullName, owedKind, period, DuePeriod.Iso(due.Due), state, now));
        await audit.RecordAsync("programmers.report.filed", "laporan:" + id, $"{kind} {period}", userName);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// The coordinator's list of late and missing reports (due dates as for statistics): each report a serving member filed after its
    /// due date, and each owed report not filed by then (a written reason answers for its month).
    /// </summary>
    public async Task<IReadOnlyList<DueRow>> LateAndMissingAsync(IReadOnlyList<PlacementRow> placements)
    {
        var now = clock.GetUtcNow();
        var filed = (await session.QueryAsync<(string MemberId, string Kind, string Period, string? DueState)>(
            "SELECT member_id, kind, period, due_state FROM prog_reports")).ToLookup(r => r.MemberId);
        var rows = new List<DueRow>();
        foreach (var member in placements.Where(p => MemberStatuses.Serving.Contains(p.Status)))
        {
            var own = filed[member.MemberId].ToDictionary(r => (r.Kind == ReportKinds.Reason ? ReportKinds.Monthly : r.Kind, r.Period), r => r.DueState);
            foreach (var owed in schedule.Owed(member.StartDate, member.EndDate))
            {
                var state = own.TryGetValue((owed.Kind, owed.Period), out var filedState) ? filedState ?? DueStates.OnTime : owed.Due.StateOf(null, now);
                if (state is DueStates.Late or DueStates.Missing) rows.Add(new DueRow(member.MemberId, member.FullName, owed.Kind, owed.Period, DuePeriod.Iso(owed.Due.Due), state));
            }
        }
        return rows;
    }

    public async Task<IReadOnlyList<PdTaskRow>> TasksAsync() =>
        (await session.QueryAsync<PdTaskRow>("""
            SELECT id AS Id, member_id AS MemberId, kind AS Kind, basis AS Basis, created_utc AS CreatedUtc, decision AS Decision, note AS Note,
                   decided_by AS DecidedBy, decided_utc AS DecidedUtc
            FROM prog_pd_tasks ORDER BY created_utc DESC
            """)).ToList();

    /// <summary>The coordinator gives the warning of 15(3); the decision goes back to the portal, where the member's status follows.</summary>
    public async Task<string?> WarnAsync(string taskId, string? note, string userName, bool isCoordinator)
    {
        if (!isCoordinator) return T["Hanya koordinator (kepala perangkat daerah tempat anggota ditempatkan) yang dapat memberikan peringatan (Pasal 15 ayat 3)."];
        note = (note ?? "").Trim();
        if (note.Length is < 5 or > 2000) return T["Tulis isi peringatan (5–2.000 karakter)."];
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var done = await session.ExecuteAsync("""
            UPDATE prog_pd_tasks SET decision = 'peringatan', note = @note, decided_by = @userName, decided_utc = @now WHERE id = @taskId AND decision IS NULL
            """, new { taskId, note, userName, now = UnixTime.Ms(now) });
        if (done == 0) return T["Tugas ini tidak ditemukan atau sudah diputuskan."];
        await outbox.SendAsync(TenantRecord.DefaultName, Rules.RuleHandoverKinds.WarningDecision, taskId, new Rules.WarningDecisionPayload(taskId, "peringatan", note, userName, now));
        await audit.RecordAsync("programmers.warning.issued", "tugas:" + taskId, note, userName);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// The coordinator's evaluation (Pasal 20(2)). <paramref name="isCoordinator"/>: the user holds the coordinator's permission on this
    /// PD; the member never evaluates their own report.
    /// </summary>
    public async Task<string?> EvaluateAsync(string reportId, string? rating, string? note, string userName, bool isCoordinator)
    {
        var report = await session.QuerySingleOrDefaultAsync<ReportRow>($"SELECT {ReportColumns} FROM prog_reports WHERE id = @reportId", new { reportId });
        if (report is null) return T["Laporan tidak ditemukan."];
        var member = (await PlacementsAsync()).First(p => p.MemberId == report.MemberId);
        if (!isCoordinator || string.Equals(member.UserName, userName, StringComparison.OrdinalIgnoreCase))
            return T["Hanya koordinator (kepala perangkat daerah tempat anggota ditempatkan) yang dapat mengevaluasi laporan ini (Pasal 20 ayat 2)."];
        if (rating is null || !Ratings.All.Contains(rating)) return T["Pilih hasil evaluasi: baik, cukup atau kurang."];
        note = (note ?? "").Trim();
        if (note.Length > 2000) return T["Catatan paling banyak 2.000 karakter."];
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var done = await session.ExecuteAsync("""
            UPDATE prog_reports SET rating = @rating, evaluation_note = @note, evaluated_by = @userName, evaluated_utc = @now WHERE id = @reportId AND rating IS NULL
            """, new { reportId, rating, note = note.Length == 0 ? null : note, userName, now = UnixTime.Ms(now) });
        if (done == 0) return T["Laporan ini sudah dievaluasi."];
        await outbox.SendAsync(TenantRecord.DefaultName, ReportHandoverKinds.Evaluation, reportId, new EvaluationPayload(
            reportId, member.MemberId, member.FullName, report.Kind, report.Period, report.Summary, report.OutputList, rating, note.Length == 0 ? null : note, userName, now));
        await audit.RecordAsync("programmers.report.evaluated", "laporan:" + reportId, rating, userName);
        await transaction.CommitAsync();
        return null;
    }
}
