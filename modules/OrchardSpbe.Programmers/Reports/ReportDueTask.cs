using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Reporting;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Reports;

/// <summary>
/// On each PD, with no visitor needed (due dates as for statistics, 000 Pasal 20(1)): a member is reminded some days before a
/// report they owe is due, once; a report still not filed when its due day is over is marked missing, once, and the mark goes
/// to the Sekretaris and the Ketua on the portal by the Core hand-over.
/// </summary>
public sealed class ReportDueTask(TimeProvider clock, IOptions<ProgrammersOptions> options) : CalendarCheck
{
    public override string? FeatureId => Manifest.FeatureId;

    protected override bool? OnPortal => false;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => options.Value.ScheduleCheckInterval;

    protected override async Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var placements = (await services.GetRequiredService<ReportService>().PlacementsAsync()).Where(p => MemberStatuses.Serving.Contains(p.Status)).ToList();
        // Nobody serving here: nothing falls due until a placement arrives, and that is a commit, which wakes this check.
        if (placements.Count == 0) return false;
        var session = services.GetRequiredService<TenantSession>();
        var schedule = services.GetRequiredService<ReportSchedule>();
        var now = clock.GetUtcNow();
        var filed = (await session.QueryAsync<(string MemberId, string Kind, string Period)>("SELECT member_id, kind, period FROM prog_reports"))
            .Select(r => (r.MemberId, r.Kind == ReportKinds.Reason ? ReportKinds.Monthly : r.Kind, r.Period)).ToHashSet();
        var marked = (await session.QueryAsync<(string MemberId, string Kind, string RuleKey)>(
            "SELECT member_id, kind, rule_key FROM prog_rule_marks WHERE kind IN ('pengingat', 'lewat-tempo')")).ToHashSet();
        foreach (var member in placements)
        {
            foreach (var owed in schedule.Owed(member.StartDate, member.EndDate))
            {
                var key = owed.Kind + ":" + owed.Period;
                if (filed.Contains((member.MemberId, owed.Kind, owed.Period))) continue;
                if (owed.Due.IsPastDue(now))
                {
                    if (!marked.Contains((member.MemberId, "lewat-tempo", key))) await MarkMissingAsync(services, session, member, owed, key, now, cancellationToken);
                }
                else if (owed.Due.InReminderWindow(now, options.Value.DueReminderDaysBefore) && member.UserName is { Length: > 0 } user
                         && !marked.Contains((member.MemberId, "pengingat", key)))
                {
                    await RemindAsync(services, session, member, user, owed, key, now, cancellationToken);
                }
            }
        }
        return true;
    }

    private static async Task MarkMissingAsync(IServiceProvider services, TenantSession session, PlacementRow member, OwedReport owed, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        if (await MarkAsync(session, member.MemberId, "lewat-tempo", key, now) == 1)
            await services.GetRequiredService<HandoverOutbox>().SendAsync(TenantRecord.DefaultName, ReportHandoverKinds.Due, $"{member.MemberId}:{key}:missing",
                new ReportDuePayload(member.MemberId, member.FullName, owed.Kind, owed.Period, DuePeriod.Iso(owed.Due.Due), DueStates.Missing, null));
        await transaction.CommitAsync();
    }

    private static async Task RemindAsync(IServiceProvider services, TenantSession session, PlacementRow member, string user, OwedReport owed, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        if (await MarkAsync(session, member.MemberId, "pengingat", key, now) == 1)
        {
            var what = $"{ReportKinds.Label(owed.Kind)} {(owed.Kind == ReportKinds.Final ? "" : owed.Period)}".Trim();
            await services.GetRequiredService<INotifier>().NotifyAsync([user], new Notification(
                $"{what} jatuh tempo {WibTimeDate(owed.Due.Due)}",
                $"{what} Anda jatuh tempo pada {WibTimeDate(owed.Due.Due)}. Laporan yang dikirim sesudahnya ditandai terlambat (Perwal 131.A/2019 Pasal 20 ayat 1).",
                "/admin/tim-programmer/laporan"));
        }
        await transaction.CommitAsync();
    }

    private static string WibTimeDate(DateOnly date) => Localization.WibTime.Date(date);

    private static Task<int> MarkAsync(TenantSession session, string memberId, string kind, string key, DateTimeOffset now) =>
        session.ExecuteAsync("""
            INSERT INTO prog_rule_marks (member_id, kind, rule_key, marked_utc) VALUES (@memberId, @kind, @key, @now) ON CONFLICT (member_id, kind, rule_key) DO NOTHING
            """, new { memberId, kind, key, now = UnixTime.Ms(now) });
}

/// <summary>
/// On the portal: a PD's due mark for a member's report arrives for the Sekretaris and the Ketua. A filed report (on time or
/// late) replaces a "missing" mark; a "missing" mark never replaces a filed one.
/// </summary>
public sealed class ReportDueReceivedHandler(TimeProvider clock) : IHandoverHandler
{
    public string Kind => ReportHandoverKinds.Due;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ReportDuePayload>(message.Payload, HandoverOutbox.Json)!;
        await services.GetRequiredService<TenantSession>().ExecuteAsync($"""
            INSERT INTO prog_report_marks (tenant, member_id, full_name, kind, period, due_date, state, filed_utc, received_utc)
            VALUES (@tenant, @MemberId, @FullName, @Kind, @Period, @DueDate, @State, @filed, @now)
            ON CONFLICT (member_id, kind, period) DO UPDATE SET state = excluded.state, filed_utc = excluded.filed_utc, due_date = excluded.due_date,
                received_utc = excluded.received_utc
            WHERE excluded.state <> '{DueStates.Missing}'
            """, new
        {
            tenant = message.From, payload.MemberId, payload.FullName, payload.Kind, payload.Period, payload.DueDate, payload.State,
            filed = payload.FiledUtc is { } f ? UnixTime.Ms(f) : (long?)null, now = UnixTime.Ms(clock.GetUtcNow()),
        });
    }
}
