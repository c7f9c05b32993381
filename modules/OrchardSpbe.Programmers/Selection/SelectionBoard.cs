using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Reference;

namespace OrchardSpbe.Programmers.Selection;

public class ApplicationRow
{
    public string Id { get; set; } = "";
    public string Token { get; set; } = "";
    public string RoleCode { get; set; } = "";
    public string Period { get; set; } = "";
    public string FullName { get; set; } = "";
    public string HomePd { get; set; } = "";
    public string CurrentUnit { get; set; } = "";
    public long YearsExperience { get; set; }
    public bool NonAsn { get; set; }
    public string State { get; set; } = "";
    public string? ReturnReasons { get; set; }
    public DateTimeOffset SubmittedUtc { get; set; }
    public DateTimeOffset? AnonymisedUtc { get; set; }
}

/// <summary>NIK, e-mail, phone and address: read only through <see cref="SelectionBoard.PersonalDataAsync"/>, which audits every look.</summary>
public sealed class PersonalData
{
    public string Nik { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Address { get; set; } = "";
}

public sealed class StageResult
{
    public string Stage { get; set; } = "";
    public string Outcome { get; set; } = "";
    public long? Score { get; set; }
    public string? Notes { get; set; }
    public string? Schedule { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTimeOffset DecidedUtc { get; set; }
}

public sealed class DocumentRow
{
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
}

/// <summary>What the team records at a stage.</summary>
public sealed class StageInput
{
    /// <summary>Kelengkapan: the checklist items the team ticked (see <see cref="SelectionBoard.ChecklistOf"/>).</summary>
    public List<string> Checked { get; set; } = [];
    public string? Outcome { get; set; }
    public int? Score { get; set; }
    public string? Notes { get; set; }

    /// <summary>When and where the next stage takes place, for its invitation letter.</summary>
    public string? Schedule { get; set; }
}

/// <summary>
/// The selection team's board (000 Pasal 16): the applications of a period, and each stage's decision — the
/// completeness checklist enforcing Pasal 18, the interview, the practical test and the result — each written with
/// who decided and when, and moving the application on only from the state it was in (two decisions never both count).
/// </summary>
public sealed class SelectionBoard(TenantSession session, ReferenceDirectory reference, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string Columns = """
        id AS Id, token AS Token, role_code AS RoleCode, period AS Period, full_name AS FullName, home_pd AS HomePd, current_unit AS CurrentUnit,
        years_experience AS YearsExperience, non_asn AS NonAsn, state AS State, return_reasons AS ReturnReasons,
        submitted_utc AS SubmittedUtc, anonymised_utc AS AnonymisedUtc
        """;

    /// <summary>
    /// The newest applications of a period. Two plain queries rather than "(@state IS NULL OR state = @state)": that form kept the
    /// planner on the (period, state, …) index for the unfiltered board, reading and sorting the whole round (2,000 applicants:
    /// 4.4 ms), where (period, submitted_utc) reads just the 200 shown (0.8 ms; bench/RESULTS.md, programmers).
    /// </summary>
    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(string period, string? state, int take = 200) =>
        (await session.QueryAsync<ApplicationRow>($"""
            SELECT {Columns} FROM prog_applications WHERE period = @period {(state is null ? "" : "AND state = @state")}
            ORDER BY submitted_utc DESC LIMIT {take}
            """, new { period, state })).ToList();

    public async Task<IReadOnlyList<string>> PeriodsAsync() =>
        (await session.QueryAsync<string>("SELECT DISTINCT period FROM prog_applications ORDER BY period DESC")).ToList();

    public async Task<ApplicationRow?> FindAsync(string id) =>
        await session.QuerySingleOrDefaultAsync<ApplicationRow>($"SELECT {Columns} FROM prog_applications WHERE id = @id", new { id });

    public async Task<ApplicationRow?> FindByTokenAsync(string token) =>
        token.Length != 32 ? null : await session.QuerySingleOrDefaultAsync<ApplicationRow>($"SELECT {Columns} FROM prog_applications WHERE token = @token", new { token });

    /// <summary>The applicant's personal data; the look itself is written to the audit log (UU PDP).</summary>
    public async Task<PersonalData?> PersonalDataAsync(string id, string userName)
    {
        var data = await session.QuerySingleOrDefaultAsync<PersonalData>(
            "SELECT nik AS Nik, email AS Email, phone AS Phone, address AS Address FROM prog_applications WHERE id = @id", new { id });
        if (data is null) return null;
        await audit.RecordAsync("programmers.personal-data.viewed", "lamaran:" + id, "NIK, kontak, alamat", userName);
        return data;
    }

    public async Task<IReadOnlyList<DocumentRow>> DocumentsAsync(string id) =>
        (await session.QueryAsync<DocumentRow>(
            "SELECT kind AS Kind, file_name AS FileName, content_type AS ContentType, size AS Size, sha256 AS Sha256 FROM prog_documents WHERE application_id = @id ORDER BY kind", new { id })).ToList();

    public async Task<IReadOnlyList<StageResult>> StagesAsync(string id) =>
        (await session.QueryAsync<StageResult>("""
            SELECT stage AS Stage, outcome AS Outcome, score AS Score, notes AS Notes, schedule AS Schedule, decided_by AS DecidedBy, decided_utc AS DecidedUtc
            FROM prog_stage_results WHERE application_id = @id ORDER BY decided_utc, stage
            """, new { id })).ToList();

    /// <summary>The Pasal 18 checklist for an application: each item with the reason given when it is not met.</summary>
    public async Task<IReadOnlyList<(string Item, string Label, string Reason, bool MetByData)>> ChecklistOf(ApplicationRow application)
    {
        var role = await reference.RoleAsync(application.RoleCode);
        var kinds = (await DocumentsAsync(application.Id)).Select(d => d.Kind).ToHashSet();
        var list = new List<(string, string, string, bool)>
        {
            ("non-asn", "Pegawai non-ASN di lingkungan Pemerintah Kota Bekasi (Pasal 18 huruf a)", "Bukan pegawai non-ASN (Pasal 18 huruf a).", application.NonAsn),
            ("cv", "Daftar riwayat hidup (Pasal 16 ayat 3 huruf a)", "Daftar riwayat hidup tidak dilampirkan atau tidak terbaca.", kinds.Contains(DocumentKinds.Cv)),
            ("pengalaman", $"Surat pernyataan pimpinan unit kerja: pengalaman TIK sekurang-kurangnya {role?.MinYears} tahun (Pasal 18 huruf b)",
                $"Pengalaman kerja TIK kurang dari {role?.MinYears} tahun atau surat pernyataan pimpinan unit kerja tidak sah (Pasal 18 huruf b).",
                kinds.Contains(DocumentKinds.Experience) && application.YearsExperience >= (role?.MinYears ?? int.MaxValue)),
            ("kemampuan", "Surat pernyataan mampu menjalankan tugas sesuai keahlian (Pasal 18 huruf c)", "Surat pernyataan kemampuan tidak dilampirkan atau tidak sah (Pasal 18 huruf c).", kinds.Contains(DocumentKinds.Capability)),
        };
        if (role?.CertificateRequired == true)
            list.Add(("sertifikat", $"Sertifikat keahlian: {string.Join(", ", role.Certificates)} (Pasal 19)", "Sertifikat keahlian yang disyaratkan tidak ada atau tidak sesuai (Pasal 19).", kinds.Contains(DocumentKinds.Certificate)));
        return list;
    }

    /// <summary>Records a stage's decision and moves the application on; an error message (nothing written) when it does not fit.</summary>
    public async Task<string?> DecideAsync(string id, string stage, StageInput input, string userName)
    {
        var application = await FindAsync(id);
        if (application is null) return T["Lamaran tidak ditemukan."];
        var notes = (input.Notes ?? "").Trim();
        var schedule = (input.Schedule ?? "").Trim();
        if (notes.Length > 2000 || schedule.Length > 500) return T["Catatan paling banyak 2.000 karakter dan jadwal 500 karakter."];
        string expected, next, outcome;
        int? score = null;
        string? reasons = null;
        switch (stage)
        {
            case SelectionStages.Completeness:
                expected = SelectionStates.Submitted;
                // Pasal 18 is enforced: an item the data does not meet cannot be ticked as met.
                var missing = (await ChecklistOf(application)).Where(c => !c.MetByData || !input.Checked.Contains(c.Item)).Select(c => T[c.Reason].Value).ToList();
                if (missing.Count > 0)
                {
                    if (notes.Length > 0) missing.Add(notes);
                    reasons = string.Join("\n", missing);
                    (outcome, next) = ("tidak-lengkap", SelectionStates.Returned);
                }
                else
                {
                    if (schedule.Length == 0) return T["Tulis jadwal dan tempat pengisian formulir kompetensi dan wawancara untuk surat undangan."];
                    (outcome, next) = ("lengkap", SelectionStates.Interview);
                }
                break;
            case SelectionStages.Interview or SelectionStages.PracticalTest:
                expected = stage == SelectionStages.Interview ? SelectionStates.Interview : SelectionStates.PracticalTest;
                if (input.Score is not { } s || s is < 0 or > 100) return T["Isi nilai 0–100."];
                if (input.Outcome is not ("lulus" or "tidak-lulus")) return T["Pilih hasil: lulus atau tidak lulus."];
                score = s;
                outcome = input.Outcome;
                if (outcome == "lulus" && stage == SelectionStages.Interview && schedule.Length == 0)
                    return T["Tulis jadwal dan tempat uji kompetensi teknis untuk surat undangan."];
                next = outcome == "tidak-lulus" ? SelectionStates.Failed : stage == SelectionStages.Interview ? SelectionStates.PracticalTest : SelectionStates.Passed;
                break;
            default:
                return T["Tahap seleksi tidak dikenal."];
        }

        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var moved = await session.ExecuteAsync("""
            UPDATE prog_applications SET state = @next, return_reasons = @reasons, closed_utc = @closed WHERE id = @id AND state = @expected
            """, new { id, next, reasons, expected, closed = SelectionStates.IsFinal(next) ? UnixTime.Ms(now) : (long?)null });
        if (moved == 0) return T["Lamaran ini tidak lagi berada pada tahap tersebut (status: {0}).", T[SelectionStates.Label(application.State)].Value];
        await RecordStageAsync(id, stage, outcome, score, notes, schedule, userName, now);
        // 16(4): the result is its own record, the basis of the Ketua's letter.
        if (next is SelectionStates.Passed or SelectionStates.Failed)
            await RecordStageAsync(id, SelectionStages.Result, next, null, null, null, userName, now);
        await audit.RecordAsync("programmers.selection." + stage, "lamaran:" + id, $"{outcome}{(score is null ? "" : ", nilai " + score)}", userName);
        await transaction.CommitAsync();
        return null;
    }

    private Task RecordStageAsync(string id, string stage, string outcome, int? score, string? notes, string? schedule, string userName, DateTimeOffset now) =>
        session.ExecuteAsync("""
            INSERT INTO prog_stage_results (application_id, stage, outcome, score, notes, schedule, decided_by, decided_utc)
            VALUES (@id, @stage, @outcome, @score, @notes, @schedule, @userName, @now)
            """, new { id, stage, outcome, score, notes = string.IsNullOrEmpty(notes) ? null : notes, schedule = string.IsNullOrEmpty(schedule) ? null : schedule, userName, now = UnixTime.Ms(now) });
}
