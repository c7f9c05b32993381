using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>On the PD: the portal marked a month late or not delivered; the PD's history shows it and its data officers are told.</summary>
public sealed class MarkReceivedHandler : IHandoverHandler
{
    public string Kind => HandoverKinds.Mark;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var mark = JsonSerializer.Deserialize<MarkPayload>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        await session.ExecuteAsync("""
            INSERT INTO stat_compliance_marks (tenant, month, mark, marked_utc) VALUES (@tenant, @month, @mark, @now)
            ON CONFLICT (tenant, month) DO UPDATE SET mark = excluded.mark, marked_utc = excluded.marked_utc
            """, new { tenant = message.To, month = mark.Month, mark = mark.Mark, now = UnixTime.Now });
        var officers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StatisticsRoles.DataOfficer]);
        var label = ComplianceStates.Label(mark.Mark);
        await services.GetRequiredService<INotifier>().NotifyAsync(officers.Select(o => o.UserName).ToList(), new Notification(
            $"Statistik bulan {mark.Month}: {label}",
            $"Diskominfostandi mencatat penyampaian statistik bulan {mark.Month} sebagai \"{label}\" (001 Pasal 20(6): paling lambat pekan terakhir setiap bulan).",
            "/admin/statistik/penyampaian"));
    }
}
