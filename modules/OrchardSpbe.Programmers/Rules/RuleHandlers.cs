using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers.Rules;

/// <summary>On the PD: a warning task for the coordinator (15(3)); the PD's head is told.</summary>
public sealed class WarningTaskReceivedHandler(TimeProvider clock) : IHandoverHandler
{
    public string Kind => RuleHandoverKinds.WarningTask;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<WarningTaskPayload>(message.Payload, HandoverOutbox.Json)!;
        await services.GetRequiredService<TenantSession>().ExecuteAsync("""
            INSERT INTO prog_pd_tasks (id, member_id, kind, basis, created_utc) VALUES (@CaseId, @MemberId, @kind, @Basis, @now) ON CONFLICT (id) DO NOTHING
            """, new { payload.CaseId, payload.MemberId, kind = CaseKinds.Warning, payload.Basis, now = UnixTime.Ms(clock.GetUtcNow()) });
        var heads = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StandardRoles.Reviewer]);
        await services.GetRequiredService<INotifier>().NotifyAsync(heads.Select(h => h.UserName).ToList(), new Notification(
            $"Tugas: peringatan untuk {payload.FullName}", payload.Basis + " Sebagai koordinator, berikan peringatan.", "/admin/tim-programmer/laporan"));
    }
}

/// <summary>On the portal: the coordinator decided a warning task; the member's status follows.</summary>
public sealed class WarningDecisionReceivedHandler : IHandoverHandler
{
    public string Kind => RuleHandoverKinds.WarningDecision;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<CaseService>().ApplyWarningDecisionAsync(JsonSerializer.Deserialize<WarningDecisionPayload>(message.Payload, HandoverOutbox.Json)!);
}

/// <summary>On the portal: a PD found a member inactive for two months (15(4)); a removal proposal opens for the Ketua, who is told.</summary>
public sealed class InactivityReceivedHandler : IHandoverHandler
{
    public string Kind => RuleHandoverKinds.Inactivity;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<InactivityPayload>(message.Payload, HandoverOutbox.Json)!;
        var basis = $"Tidak aktif tanpa alasan tertulis pada bulan {string.Join(" dan ", payload.Months)} (Perwal 131.A/2019 Pasal 15 ayat 4).";
        var (opened, _) = await services.GetRequiredService<CaseService>().OpenAsync(payload.MemberId, CaseKinds.Removal, CaseStages.Chair, basis, string.Join("+", payload.Months));
        if (!opened) return;
        var chairs = await services.GetRequiredService<ITenantUsers>().InRolesAsync([ProgrammerRoles.TeamChair]);
        await services.GetRequiredService<INotifier>().NotifyAsync(chairs.Select(c => c.UserName).ToList(), new Notification(
            $"Usulan pemberhentian {payload.FullName}", basis + " Ketua mengajukan pemberhentian kepada Wali Kota melalui Pembina (ayat 5).", "/admin/tim-programmer/kasus"));
    }
}
