using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reports;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Rules;

/// <summary>
/// The rules of 000 Pasal 15 run by schedule, with no visitor. On the portal: three consecutive meetings missed without a
/// written reason open a warning task for the member's coordinator, sent to the PD by the hand-over (15(3)). On a PD: two
/// consecutive months of a member's term whose monthly report is past due with no report and no written reason are told to the portal, where a
/// removal proposal opens for the Ketua (15(4)–(5)). Each occurrence acts once.
/// </summary>
public sealed class RuleTask(TimeProvider clock, IOptions<ProgrammersOptions> options) : CalendarCheck
{
    public override string? FeatureId => Manifest.FeatureId;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => options.Value.ScheduleCheckInterval;

    protected override async Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<TenantContext>().IsDefault) return await InactivityAsync(services, cancellationToken);
        await WarningsAsync(services, cancellationToken);
        return true;
    }

    private static async Task WarningsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var session = services.GetRequiredService<TenantSession>();
        // Each serving member's latest three recorded meetings, after their last warning.
        var rows = (await session.QueryAsync<(string MemberId, string MeetingId, string HeldOn, string Presence)>("""
            SELECT a.member_id, a.meeting_id, m.held_on, a.presence
            FROM prog_attendance a JOIN prog_meetings m ON m.id = a.meeting_id JOIN prog_members p ON p.id = a.member_id
            WHERE p.status IN ('aktif', 'diperingatkan')
            ORDER BY a.member_id, m.held_on DESC, m.recorded_utc DESC
            """)).ToLookup(r => r.MemberId);
        if (rows.Count == 0) return;
        var lastWarned = (await session.QueryAsync<(string MemberId, string RuleKey)>("SELECT member_id, rule_key FROM prog_cases WHERE kind = 'peringatan'"))
            .GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Max(c => c.RuleKey)!);
        var cases = services.GetRequiredService<CaseService>();
        var members = services.GetRequiredService<MemberService>();
        foreach (var member in rows)
        {
            var latest = member.Take(3).ToList();
            if (latest.Count < 3 || latest.Any(r => r.Presence != Presence.Unexcused)) continue;
            // The rule key is the latest meeting (date and id): the streak counts again only after the last warning.
            var key = latest[0].HeldOn + "/" + latest[0].MeetingId;
            if (lastWarned.TryGetValue(member.Key, out var warned) && string.CompareOrdinal(latest[2].HeldOn + "/" + latest[2].MeetingId, warned) <= 0) continue;
            if (await members.FindAsync(member.Key) is not { } row) continue;
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var basis = $"Tidak hadir tanpa alasan tertulis pada rapat {string.Join(", ", latest.Select(r => r.HeldOn).Reverse())} (Perwal 131.A/2019 Pasal 15 ayat 3).";
            var (opened, id) = await cases.OpenAsync(member.Key, CaseKinds.Warning, CaseStages.Coordinator, basis, key);
            if (opened)
                await services.GetRequiredService<HandoverOutbox>().SendAsync(row.Placement, RuleHandoverKinds.WarningTask, id,
                    new WarningTaskPayload(id, row.Id, row.FullName, basis));
            await transaction.CommitAsync();
        }
    }

    /// <returns>False when nobody serves on this PD: nothing can fall due until a placement arrives (a commit, which wakes the check).</returns>
    private async Task<bool> InactivityAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var session = services.GetRequiredService<TenantSession>();
        var placements = (await services.GetRequiredService<ReportService>().PlacementsAsync()).Where(p => MemberStatuses.Serving.Contains(p.Status)).ToList();
        if (placements.Count == 0) return false;
        var schedule = services.GetRequiredService<ReportSchedule>();
        var now = clock.GetUtcNow();
        foreach (var member in placements)
        {
            // Consistent with the due dates: a month is silent only once its monthly report is past due (so a month that has just
            // ended is not counted before its report is due), and only months wholly within the term count — a member is not
            // inactive before they began.
            var months = schedule.LatestPastDueMonths(member.StartDate, member.EndDate, now);
            if (months.Count < 2) continue;
            var codes = months.Select(m => m.Period).ToArray();
            var active = await session.ExecuteScalarAsync<long>($"""
                SELECT COUNT(*) FROM prog_reports WHERE member_id = @id AND kind IN ('bulanan', 'alasan') AND {session.Dialect.InList("period", "codes")}
                """, new { id = member.MemberId, codes });
            if (active > 0) continue;
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var marked = await session.ExecuteAsync("""
                INSERT INTO prog_rule_marks (member_id, kind, rule_key, marked_utc) VALUES (@id, 'tidak-aktif', @key, @now) ON CONFLICT (member_id, kind, rule_key) DO NOTHING
                """, new { id = member.MemberId, key = string.Join("+", codes), now = UnixTime.Ms(clock.GetUtcNow()) });
            if (marked == 1)
                await services.GetRequiredService<HandoverOutbox>().SendAsync(TenantRecord.DefaultName, RuleHandoverKinds.Inactivity, member.MemberId + ":" + string.Join("+", codes),
                    new InactivityPayload(member.MemberId, member.FullName, codes));
            await transaction.CommitAsync();
        }
        return true;
    }
}
