using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers.Members;

/// <summary>The Ketua's recommendation for a member in the final report (000 Pasal 20(4)–(5)).</summary>
public static class Recommendations
{
    public const string Extend = "perpanjang";
    public const string DoNotExtend = "tidak-diperpanjang";

    public static readonly string[] All = [Extend, DoNotExtend];

    public static string Label(string recommendation) => recommendation == Extend ? "Direkomendasikan diperpanjang" : "Tidak direkomendasikan diperpanjang";
}

public sealed class FinalReportRow
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string Summary { get; set; } = "";
    public string WrittenBy { get; set; } = "";
    public DateTimeOffset WrittenUtc { get; set; }
    public string? ReadBy { get; set; }
    public DateTimeOffset? ReadUtc { get; set; }
}

public sealed class ConclusionRow
{
    public string ReportId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Recommendation { get; set; } = "";
    public string Conclusion { get; set; } = "";
}

/// <summary>A member the final report of a year speaks of, with the coordinators' evaluations the conclusion is drawn from.</summary>
public sealed record FinalReportMember(MemberRow Member, IReadOnlyList<EvaluationRow> Evaluations);

/// <summary>
/// The Ketua's written final report of the year (000 Pasal 20(4)–(5)): a summary and, for each member whose term ran in the
/// year, a conclusion drawn from the coordinators' evaluations — recommended to extend or not — submitted to the Pembina, kept
/// and printable. It is, with a positive evaluation, what an extension by decree needs (15(1)).
/// </summary>
public sealed class FinalReportService(TenantSession session, MemberService members, ITenantUsers users, INotifier notifier, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string Columns = "id AS Id, year AS Year, summary AS Summary, written_by AS WrittenBy, written_utc AS WrittenUtc, read_by AS ReadBy, read_utc AS ReadUtc";

    public int CurrentYear => WibTime.ToWib(clock.GetUtcNow()).Year;

    public async Task<IReadOnlyList<FinalReportRow>> ListAsync() =>
        (await session.QueryAsync<FinalReportRow>($"SELECT {Columns} FROM prog_final_reports ORDER BY year DESC")).ToList();

    public async Task<(FinalReportRow Report, IReadOnlyList<ConclusionRow> Conclusions)?> FindAsync(int year)
    {
        var report = await session.QuerySingleOrDefaultAsync<FinalReportRow>($"SELECT {Columns} FROM prog_final_reports WHERE year = @year", new { year });
        if (report is null) return null;
        var conclusions = (await session.QueryAsync<ConclusionRow>("""
            SELECT report_id AS ReportId, member_id AS MemberId, full_name AS FullName, recommendation AS Recommendation, conclusion AS Conclusion
            FROM prog_final_conclusions WHERE report_id = @id ORDER BY full_name
            """, new { id = report.Id })).ToList();
        return (report, conclusions);
    }

    /// <summary>The members whose term ran in the year (not removed), each beside their evaluation history.</summary>
    public async Task<IReadOnlyList<FinalReportMember>> MembersOfAsync(int year)
    {
        var inYear = (await members.ListAsync()).Where(m => m.Status != MemberStatuses.Removed
            && string.CompareOrdinal(m.StartDate, $"{year:D4}-12-31") <= 0 && string.CompareOrdinal(m.EndDate, $"{year:D4}-01-01") >= 0).ToList();
        if (inYear.Count == 0) return [];
        var evaluations = (await session.QueryAsync<EvaluationRow>($"""
            SELECT tenant AS Tenant, report_id AS ReportId, member_id AS MemberId, full_name AS FullName, kind AS Kind, period AS Period, summary AS Summary,
                   rating AS Rating, note AS Note, evaluated_by AS EvaluatedBy, evaluated_utc AS EvaluatedUtc
            FROM prog_evaluations WHERE {session.Dialect.InList("member_id", "ids")} ORDER BY evaluated_utc
            """, new { ids = inYear.Select(m => m.Id).ToArray() })).ToLookup(e => e.MemberId);
        return inYear.Select(m => new FinalReportMember(m, evaluations[m.Id].ToList())).ToList();
    }

    /// <summary>
    /// The Ketua writes and submits the year's report to the Pembina. <paramref name="recommendations"/> and <paramref name="conclusions"/>
    /// are keyed by member id; every member of the year needs both. One report per year; it is kept as written.
    /// </summary>
    public async Task<string?> WriteAsync(int? year, string? summary, IReadOnlyDictionary<string, string> recommendations, IReadOnlyDictionary<string, string> conclusions, string userName)
    {
        if (year is not { } y || y < 2000 || y > CurrentYear) return T["Pilih tahun laporan (tidak melewati tahun berjalan)."];
        summary = (summary ?? "").Trim();
        if (summary.Length is < 20 or > 8000) return T["Tulis ringkasan laporan akhir (20–8.000 karakter)."];
        var inYear = await MembersOfAsync(y);
        if (inYear.Count == 0) return T["Tidak ada anggota yang bertugas pada tahun {0}.", y];
        var rows = new List<ConclusionRow>();
        foreach (var (member, _) in inYear)
        {
            var recommendation = recommendations.GetValueOrDefault(member.Id);
            if (recommendation is null || !Recommendations.All.Contains(recommendation))
                return T["Pilih rekomendasi untuk {0}: diperpanjang atau tidak.", member.FullName];
            var conclusion = (conclusions.GetValueOrDefault(member.Id) ?? "").Trim();
            if (conclusion.Length is < 5 or > 2000) return T["Tulis kesimpulan untuk {0} dari hasil evaluasinya (5–2.000 karakter).", member.FullName];
            rows.Add(new ConclusionRow { MemberId = member.Id, FullName = member.FullName, Recommendation = recommendation, Conclusion = conclusion });
        }
        var id = Guid.NewGuid().ToString("N")[..20];
        await using var transaction = await session.BeginTransactionAsync();
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO prog_final_reports (id, year, summary, written_by, written_utc) VALUES (@id, @y, @summary, @userName, @now)
                """, new { id, y, summary, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return T["Laporan akhir tahun {0} sudah ditulis dan disampaikan.", y];
        }
        foreach (var row in rows)
            await session.ExecuteAsync("""
                INSERT INTO prog_final_conclusions (report_id, member_id, full_name, recommendation, conclusion) VALUES (@id, @MemberId, @FullName, @Recommendation, @Conclusion)
                """, new { id, row.MemberId, row.FullName, row.Recommendation, row.Conclusion });
        await audit.RecordAsync("programmers.final-report.submitted", "laporan-akhir:" + y,
            $"{rows.Count(r => r.Recommendation == Recommendations.Extend)} dari {rows.Count} direkomendasikan diperpanjang", userName);
        // 20(4): up the chain to the Pembina.
        var patrons = await users.InRolesAsync([ProgrammerRoles.Patron]);
        await notifier.NotifyAsync(patrons.Select(p => p.UserName).ToList(), new Notification(
            $"Laporan akhir Tim Programmer tahun {y}",
            $"Ketua Tim menyampaikan laporan akhir tahun {y} beserta rekomendasi perpanjangan anggota (Perwal 131.A/2019 Pasal 20 ayat 4–5).",
            $"/admin/tim-programmer/laporan-akhir/{y}"));
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>The Pembina records receipt of the report.</summary>
    public async Task<string?> ReceiveAsync(int year, string userName)
    {
        var done = await session.ExecuteAsync("UPDATE prog_final_reports SET read_by = @userName, read_utc = @now WHERE year = @year AND read_by IS NULL",
            new { year, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
        if (done == 0) return T["Laporan akhir ini tidak ditemukan atau sudah diterima."];
        await audit.RecordAsync("programmers.final-report.received", "laporan-akhir:" + year, "", userName);
        return null;
    }

}

/// <summary>What the member service asks of the final reports (kept apart: the final report lists members through it).</summary>
public sealed class FinalReportQuery(TenantSession session)
{
    /// <summary>15(1), 20(5): the latest final report that speaks of the member recommends extending the term.</summary>
    public async Task<bool> RecommendsExtensionAsync(string memberId) =>
        await session.QuerySingleOrDefaultAsync<string>("""
            SELECT c.recommendation FROM prog_final_conclusions c JOIN prog_final_reports r ON r.id = c.report_id
            WHERE c.member_id = @memberId ORDER BY r.year DESC LIMIT 1
            """, new { memberId }) == Recommendations.Extend;
}
