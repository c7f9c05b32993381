using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Reports;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Applications.Governance;

/// <summary>What an application is scored on: the seven principles (001 Pasal 12) and the three monitoring aspects (15(5)).</summary>
public static class AssessmentCriteria
{
    public static readonly IReadOnlyList<(string Code, string Label)> Principles =
    [
        ("berkelanjutan", "Berkelanjutan"), ("akuntabel", "Akuntabel"), ("andal", "Andal"), ("terintegrasi", "Terintegrasi"),
        ("interoperabel", "Interoperabel"), ("skalabel", "Skalabel"), ("ramah-pengguna", "Ramah pengguna"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Aspects =
        [("teknis", "Aspek teknis"), ("prosedural", "Aspek prosedural"), ("implementasi", "Aspek implementasi")];

    public static IEnumerable<(string Code, string Label)> All => Principles.Concat(Aspects);
}

public sealed class AssessmentRow
{
    public string Tenant { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Scores { get; set; } = "{}";
    public double Score { get; set; }
    public string? Note { get; set; }
    public string AssessedBy { get; set; } = "";
    public DateTimeOffset AssessedUtc { get; set; }

    public IReadOnlyDictionary<string, int> ScoreMap => JsonSerializer.Deserialize<Dictionary<string, int>>(Scores) ?? [];

    public double Average(IEnumerable<(string Code, string Label)> criteria) => criteria.Select(c => (double)ScoreMap.GetValueOrDefault(c.Code)).DefaultIfEmpty().Average();
}

/// <summary>One PD's governance: how many registered applications were assessed and the mean of their latest scores.</summary>
public sealed record PdGovernance(string Tenant, int Applications, int Assessed, double? Score);

/// <summary>
/// Diskominfostandi's periodic governance assessment (001 Pasal 15(6)): per registered application and semester,
/// a score 1–5 for each principle and monitoring aspect; the history is kept (one per semester, a later one for the
/// same semester replaces it) and each PD's aggregate is the mean of its applications' latest scores.
/// </summary>
public sealed class AssessmentService(TenantSession session, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<AssessmentRow>> HistoryAsync(string tenant, string applicationId) =>
        (await session.QueryAsync<AssessmentRow>("SELECT * FROM app_assessments WHERE tenant = @tenant AND application_id = @applicationId ORDER BY period",
            new { tenant, applicationId })).ToList();

    public async Task<string?> RecordAsync(string tenant, string applicationId, string? period, IReadOnlyDictionary<string, string?> scores, string? note, string userName)
    {
        if (!Semester.TryParse(period, out var semester) || semester.Start > clock.GetUtcNow()) return T["Pilih periode penilaian yang sudah dimulai (mis. 2026-S2)."];
        var values = new Dictionary<string, int>();
        foreach (var (code, label) in AssessmentCriteria.All)
        {
            if (!int.TryParse(scores.GetValueOrDefault(code), NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
                return T["Beri nilai 1 sampai 5 untuk {0}.", T[label]];
            values[code] = score;
        }
        note = note?.Trim();
        if (note is { Length: > 4000 }) return T["Paling banyak 4.000 karakter."];
        await using var transaction = await session.BeginTransactionAsync();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_register WHERE tenant = @tenant AND kind = 'aplikasi' AND id = @applicationId AND registration_number IS NOT NULL",
                new { tenant, applicationId }) == 0)
            return T["Hanya aplikasi yang terdaftar yang dinilai."];
        var total = Math.Round(values.Values.Average(), 2);
        var parameters = new { tenant, applicationId, period = semester.ToString(), scores = JsonSerializer.Serialize(values), total, note, userName, now = UnixTime.Ms(clock.GetUtcNow()) };
        await session.ExecuteAsync("DELETE FROM app_assessments WHERE tenant = @tenant AND application_id = @applicationId AND period = @period", parameters);
        await session.ExecuteAsync("""
            INSERT INTO app_assessments (tenant, application_id, period, scores, score, note, assessed_by, assessed_utc)
            VALUES (@tenant, @applicationId, @period, @scores, @total, @note, @userName, @now)
            """, parameters);
        await audit.RecordAsync("application.assessed", $"{tenant}/{applicationId}", $"{semester}: {total.ToString(CultureInfo.InvariantCulture)}", userName);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Every PD with registered applications: the mean of their latest assessment scores.</summary>
    public async Task<IReadOnlyList<PdGovernance>> AggregateAsync()
    {
        var registered = (await session.QueryAsync<(string Tenant, long Count)>(
            "SELECT tenant, COUNT(*) FROM app_register WHERE kind = 'aplikasi' AND registration_number IS NOT NULL GROUP BY tenant")).ToDictionary(r => r.Tenant, r => r.Count);
        var latest = (await session.QueryAsync<(string Tenant, string ApplicationId, string Period, double Score)>(
            "SELECT tenant, application_id, period, score FROM app_assessments"))
            .GroupBy(a => (a.Tenant, a.ApplicationId)).Select(g => g.MaxBy(a => a.Period)).ToLookup(a => a.Tenant);
        return registered.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
        {
            var scores = latest[r.Key].Select(a => a.Score).ToList();
            return new PdGovernance(r.Key, (int)r.Value, scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 2));
        }).ToList();
    }
}
