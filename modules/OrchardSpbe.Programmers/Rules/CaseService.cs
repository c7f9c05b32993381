using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Members;

namespace OrchardSpbe.Programmers.Rules;

public sealed class CaseRow
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Basis { get; set; } = "";
    public DateTimeOffset OpenedUtc { get; set; }
    public DateTimeOffset? ClosedUtc { get; set; }
}

public sealed class CaseDecisionRow
{
    public string CaseId { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Decision { get; set; } = "";
    public string? Note { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTimeOffset DecidedUtc { get; set; }
}

/// <summary>
/// The cases the rules open on the portal (000 Pasal 15(3)–(5)): a warning the coordinator gives, and a removal the Ketua
/// proposes to the Wali Kota through the Pembina. Each decision is recorded with who and when, the case moves only from
/// the stage it is at, and the member's status follows the outcome (diperingatkan, diberhentikan).
/// </summary>
public sealed class CaseService(TenantSession session, MemberService members, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string Columns = "id AS Id, member_id AS MemberId, kind AS Kind, stage AS Stage, basis AS Basis, opened_utc AS OpenedUtc, closed_utc AS ClosedUtc";

    public async Task<IReadOnlyList<CaseRow>> ListAsync() =>
        (await session.QueryAsync<CaseRow>($"SELECT {Columns} FROM prog_cases ORDER BY opened_utc DESC LIMIT 200")).ToList();

    public async Task<IReadOnlyList<CaseDecisionRow>> DecisionsAsync() =>
        (await session.QueryAsync<CaseDecisionRow>("""
            SELECT case_id AS CaseId, stage AS Stage, decision AS Decision, note AS Note, decided_by AS DecidedBy, decided_utc AS DecidedUtc
            FROM prog_case_decisions ORDER BY decided_utc
            """)).ToList();

    /// <summary>Opens a case once per rule occurrence (<paramref name="ruleKey"/>); false when it was already open.</summary>
    public async Task<(bool Opened, string Id)> OpenAsync(string memberId, string kind, string stage, string basis, string ruleKey)
    {
        var id = Guid.NewGuid().ToString("N")[..20];
        var inserted = await session.ExecuteAsync("""
            INSERT INTO prog_cases (id, member_id, kind, stage, basis, rule_key, opened_utc) VALUES (@id, @memberId, @kind, @stage, @basis, @ruleKey, @now)
            ON CONFLICT (member_id, kind, rule_key) DO NOTHING
            """, new { id, memberId, kind, stage, basis, ruleKey, now = UnixTime.Ms(clock.GetUtcNow()) });
        if (inserted == 1) await audit.RecordAsync("programmers.case.opened", "kasus:" + id, $"{kind}: {basis}", "sistem");
        return (inserted == 1, id);
    }

    /// <summary>The removal route (15(5)): the Ketua proposes or drops, the Pembina forwards or rejects, the Wali Kota's decree removes or not.</summary>
    public async Task<string?> DecideRemovalAsync(string caseId, string? decision, string? note, string userName, bool isPatron)
    {
        var current = await session.QuerySingleOrDefaultAsync<CaseRow>($"SELECT {Columns} FROM prog_cases WHERE id = @caseId", new { caseId });
        if (current is null || current.Kind != CaseKinds.Removal) return T["Usulan pemberhentian tidak ditemukan."];
        note = (note ?? "").Trim();
        if (note.Length > 2000) return T["Catatan paling banyak 2.000 karakter."];
        (string Next, bool Removes)? step = (current.Stage, decision) switch
        {
            (CaseStages.Chair, "ajukan") => (CaseStages.Patron, false),
            (CaseStages.Chair, "batalkan") => (CaseStages.Closed, false),
            (CaseStages.Patron, "teruskan") when isPatron => (CaseStages.Mayor, false),
            (CaseStages.Patron, "tolak") when isPatron => (CaseStages.Closed, false),
            (CaseStages.Mayor, "tetapkan") => (CaseStages.Closed, true),
            (CaseStages.Mayor, "tolak") => (CaseStages.Closed, false),
            _ => null,
        };
        if (step is null)
            return current.Stage == CaseStages.Patron && !isPatron
                ? T["Tahap ini diputuskan oleh Pembina (Pasal 15 ayat 5)."]
                : T["Keputusan ini tidak sesuai dengan tahap usulan saat ini ({0}).", T[CaseStages.Label(current.Stage)].Value];
        if (decision == "tetapkan" && note.Length < 3) return T["Tulis nomor Keputusan Wali Kota tentang pemberhentian."];
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var moved = await session.ExecuteAsync("UPDATE prog_cases SET stage = @next, closed_utc = @closed WHERE id = @caseId AND stage = @stage",
            new { caseId, next = step.Value.Next, stage = current.Stage, closed = step.Value.Next == CaseStages.Closed ? UnixTime.Ms(now) : (long?)null });
        if (moved == 0) return T["Usulan ini sudah diputuskan pada tahap tersebut."];
        await RecordDecisionAsync(caseId, current.Stage, decision!, note, userName, now);
        if (step.Value.Removes) await members.SetStatusAsync(current.MemberId, MemberStatuses.Removed, userName);
        await audit.RecordAsync("programmers.case.decided", "kasus:" + caseId, $"{current.Stage}: {decision}", userName);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>The coordinator's decision on a warning task, as it arrived from the PD: the member is warned (15(3)).</summary>
    public async Task ApplyWarningDecisionAsync(WarningDecisionPayload decision)
    {
        var current = await session.QuerySingleOrDefaultAsync<CaseRow>($"SELECT {Columns} FROM prog_cases WHERE id = @CaseId", new { decision.CaseId });
        if (current is null || current.Stage != CaseStages.Coordinator) return;
        await session.ExecuteAsync("UPDATE prog_cases SET stage = @closed, closed_utc = @now WHERE id = @CaseId",
            new { closed = CaseStages.Closed, now = UnixTime.Ms(decision.DecidedUtc), decision.CaseId });
        await RecordDecisionAsync(decision.CaseId, CaseStages.Coordinator, decision.Decision, decision.Note, decision.DecidedBy, decision.DecidedUtc);
        if (decision.Decision == "peringatan") await members.SetStatusAsync(current.MemberId, MemberStatuses.Warned, decision.DecidedBy);
    }

    private Task RecordDecisionAsync(string caseId, string stage, string decision, string? note, string userName, DateTimeOffset now) =>
        session.ExecuteAsync("""
            INSERT INTO prog_case_decisions (case_id, stage, decision, note, decided_by, decided_utc) VALUES (@caseId, @stage, @decision, @note, @userName, @now)
            """, new { caseId, stage, decision, note = string.IsNullOrEmpty(note) ? null : note, userName, now = UnixTime.Ms(now) });
}
