using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Reports;

/// <summary>
/// PD × semester on the portal: who reported their ICT operation on time, late, not yet or not at all (001 Pasal 26(1));
/// the basis of the Mayor's reprimands (26(3)). One query for the year.
/// </summary>
public sealed class ReportBoard(TenantSession session, ShellHost shells, TimeProvider clock)
{
    public async Task<ReportTable> BuildAsync(int year)
    {
        var pds = (await shells.RunningAsync())
            .Where(s => !s.Record.IsDefault && s.IsFeatureEnabled(Manifest.FeatureId))
            .OrderBy(s => s.Record.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var reports = (await session.QueryAsync<(string Tenant, string Semester, DateTimeOffset SubmittedUtc)>(
            "SELECT tenant, semester, submitted_utc FROM app_inbound_reports WHERE semester IN (@first, @second)",
            new { first = $"{year:D4}-S1", second = $"{year:D4}-S2" })).ToDictionary(r => (r.Tenant, r.Semester), r => r.SubmittedUtc);
        var now = clock.GetUtcNow();
        var semesters = new[] { new Semester(year, 1), new Semester(year, 2) };
        var rows = pds.Select(pd => new ReportRow(pd.Name, pd.Record.DisplayName, semesters.Select(s =>
        {
            if (s.Start > now || pd.Record.CreatedUtc >= s.End) return "";
            if (reports.TryGetValue((pd.Name, s.ToString()), out var at)) return at <= s.Due ? ReportStates.OnTime : ReportStates.Late;
            return now > s.Due ? ReportStates.NotReported : ReportStates.NotYet;
        }).ToList())).ToList();
        return new ReportTable(year, semesters, rows);
    }
}

public sealed record ReportTable(int Year, IReadOnlyList<Semester> Semesters, IReadOnlyList<ReportRow> Rows);

public sealed record ReportRow(string Tenant, string DisplayName, IReadOnlyList<string> States);
