using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Members;

/// <summary>What the portal tells the PD where a member is placed when the term nears its end.</summary>
public sealed record TermEndingPayload(string MemberId, string FullName, string RoleCode, string EndDate);

public static class ProgrammerHandoverKinds
{
    public const string TermEnding = "programmers.term-ending";
}

/// <summary>
/// On the portal, with no visitor needed: when a serving member's term (000 Pasal 15(1): one year) ends within the configured
/// days, the Ketua is notified and the PD where the member is placed is told by the Core hand-over, where its head (the
/// coordinator, Pasal 4) is notified — once per member, so an extension on a positive evaluation can be decided in time.
/// </summary>
public sealed class TermReminderTask(TimeProvider clock, IOptions<ProgrammersOptions> options) : CalendarCheck
{
    public override string? FeatureId => Manifest.FeatureId;

    protected override bool? OnPortal => true;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => options.Value.ScheduleCheckInterval;

    protected override async Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow()).DateTime);
        var horizon = MemberService.Iso(today.AddDays(options.Value.ReminderDaysBeforeEnd));
        var session = services.GetRequiredService<TenantSession>();
        var due = (await session.QueryAsync<MemberRow>("""
            SELECT id AS Id, full_name AS FullName, role_code AS RoleCode, placement AS Placement, end_date AS EndDate, status AS Status
            FROM prog_members m
            WHERE status IN ('aktif', 'diperingatkan') AND end_date <= @horizon AND end_date >= @today
              AND NOT EXISTS (SELECT 1 FROM prog_reminders r WHERE r.member_id = m.id AND r.kind = 'akhir-masa')
            """, new { horizon, today = MemberService.Iso(today) })).ToList();
        if (due.Count == 0) return true;

        var chairs = await services.GetRequiredService<ITenantUsers>().InRolesAsync([ProgrammerRoles.TeamChair]);
        var outbox = services.GetRequiredService<HandoverOutbox>();
        var notifier = services.GetRequiredService<INotifier>();
        foreach (var member in due)
        {
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var claimed = await session.ExecuteAsync("""
                INSERT INTO prog_reminders (member_id, kind, sent_utc) VALUES (@id, 'akhir-masa', @now) ON CONFLICT (member_id, kind) DO NOTHING
                """, new { id = member.Id, now = UnixTime.Ms(clock.GetUtcNow()) });
            if (claimed == 0) continue;
            await notifier.NotifyAsync(chairs.Select(c => c.UserName).ToList(), new Notification(
                $"Masa tugas {member.FullName} berakhir {member.EndDate}",
                $"Masa tugas anggota Tim Programmer {member.FullName} berakhir pada {member.EndDate}. Perpanjangan melalui Keputusan Wali Kota berdasarkan hasil evaluasi kinerja (Perwal 131.A/2019 Pasal 15 ayat 1).",
                "/admin/tim-programmer/anggota"));
            await outbox.SendAsync(member.Placement, ProgrammerHandoverKinds.TermEnding, member.Id, new TermEndingPayload(member.Id, member.FullName, member.RoleCode, member.EndDate));
            await transaction.CommitAsync();
        }
        return true;
    }
}

/// <summary>On the PD where the member is placed: the coordinator (the PD head, role Reviewer) is told the term ends soon.</summary>
public sealed class TermEndingReceivedHandler : IHandoverHandler
{
    public string Kind => ProgrammerHandoverKinds.TermEnding;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = System.Text.Json.JsonSerializer.Deserialize<TermEndingPayload>(message.Payload, HandoverOutbox.Json)!;
        var heads = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StandardRoles.Reviewer, StandardRoles.Administrator]);
        await services.GetRequiredService<INotifier>().NotifyAsync(heads.Select(h => h.UserName).ToList(), new Notification(
            $"Masa tugas programmer {payload.FullName} berakhir {payload.EndDate}",
            $"Anggota Tim Programmer {payload.FullName} yang ditempatkan di perangkat daerah Anda mengakhiri masa tugasnya pada {payload.EndDate}. Sampaikan evaluasi kinerjanya kepada Sekretaris Tim (Perwal 131.A/2019 Pasal 15 ayat 1, Pasal 20 ayat 2).",
            null));
    }
}
