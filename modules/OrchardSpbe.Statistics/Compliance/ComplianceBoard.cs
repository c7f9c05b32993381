using OrchardSpbe.Data;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Compliance;

/// <summary>
/// PD × month on the portal: who handed over their statistics on time, late, not at all, or is waiting for or was
/// returned by a verifier (001 Pasal 20(6)); the basis of the Mayor's reprimands (26(3)). One query for the year.
/// </summary>
public sealed class ComplianceBoard(TenantSession session, ShellHost shells, TimeProvider clock)
{
    public async Task<ComplianceTable> BuildAsync(int year, string? category = null)
    {
        var pds = (await shells.RunningAsync())
            .Where(s => !s.Record.IsDefault && s.IsFeatureEnabled(Manifest.FeatureId))
            .Where(s => category is null || string.Equals(s.Record.Category, category, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Record.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var submissions = (await session.QueryAsync<Row>("""
            SELECT tenant AS Tenant, month AS Month, state AS State, submitted_utc AS SubmittedUtc
            FROM stat_inbound_submissions WHERE month >= @from AND month <= @to ORDER BY received_utc
            """, new { from = $"{year:D4}-01", to = $"{year:D4}-12" })).ToLookup(r => (r.Tenant, r.Month));
        var now = clock.GetUtcNow();
        var months = Enumerable.Range(1, 12).Select(m => new ReportingMonth(year, m)).ToList();
        var rows = pds.Select(pd => new ComplianceRow(pd.Name, pd.Record.DisplayName, pd.Record.Category ?? "",
            months.Select(m => pd.Record.CreatedUtc >= m.End ? "" : StateOf(submissions[(pd.Name, m.ToString())].ToList(), m, now)).ToList())).ToList();
        return new ComplianceTable(year, months, rows);
    }

    public static string StateOf(IReadOnlyList<Row> submissions, ReportingMonth month, DateTimeOffset now)
    {
        if (submissions.FirstOrDefault(s => s.State == SubmissionStates.Accepted) is { } accepted)
            return accepted.SubmittedUtc < month.End ? ComplianceStates.OnTime : ComplianceStates.Late;
        if (submissions.Count > 0)
            return submissions[^1].State == SubmissionStates.Waiting ? ComplianceStates.Waiting : ComplianceStates.Returned;
        if (month.Start > now) return "";
        return now >= month.End ? ComplianceStates.NotDelivered : ComplianceStates.NotYet;
    }

    public sealed class Row
    {
        public string Tenant { get; set; } = "";
        public string Month { get; set; } = "";
        public string State { get; set; } = "";
        public DateTimeOffset SubmittedUtc { get; set; }
    }
}

public sealed record ComplianceTable(int Year, IReadOnlyList<ReportingMonth> Months, IReadOnlyList<ComplianceRow> Rows);

/// <summary>One PD's year: a state per month ("" for a month not begun).</summary>
public sealed record ComplianceRow(string Tenant, string DisplayName, string Category, IReadOnlyList<string> States);
