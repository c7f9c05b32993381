using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>On the portal: a PD's submission arrives; it waits for a verifier, who is told.</summary>
public sealed class SubmissionReceivedHandler(TenantRegistry registry, TimeProvider clock) : IHandoverHandler
{
    public string Kind => HandoverKinds.Submission;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<SubmissionPayload>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        await session.ExecuteAsync("""
            INSERT INTO stat_inbound_submissions (tenant, id, month, state, summary, value_count, payload, submitted_by, submitted_utc, received_utc)
            VALUES (@tenant, @id, @month, @state, @summary, @count, @payload, @by, @submitted, @now)
            ON CONFLICT (tenant, id) DO NOTHING
            """, new
        {
            tenant = message.From, id = message.Subject, month = payload.Month, state = SubmissionStates.Waiting, summary = payload.Summary,
            count = payload.Values.Count, payload = message.Payload, by = payload.SubmittedBy,
            submitted = UnixTime.Ms(payload.SubmittedUtc), now = UnixTime.Now,
        });
        // Delivered after its month ended: late (001 Pasal 20(6)), and the PD is told.
        if (ReportingMonth.TryParse(payload.Month, out var month) && payload.SubmittedUtc >= month.End)
        {
            await session.ExecuteAsync("""
                INSERT INTO stat_compliance_marks (tenant, month, mark, marked_utc) VALUES (@tenant, @month, @mark, @now)
                ON CONFLICT (tenant, month) DO UPDATE SET mark = excluded.mark, marked_utc = excluded.marked_utc
                """, new { tenant = message.From, month = payload.Month, mark = ComplianceStates.Late, now = UnixTime.Ms(clock.GetUtcNow()) });
            await services.GetRequiredService<HandoverOutbox>().SendAsync(message.From, HandoverKinds.Mark, payload.Month, new MarkPayload(payload.Month, ComplianceStates.Late));
        }
        var pd = registry.Find(message.From)?.DisplayName ?? message.From;
        var verifiers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StatisticsRoles.Verifier]);
        await services.GetRequiredService<INotifier>().NotifyAsync(verifiers.Select(v => v.UserName).ToList(), new Notification(
            $"Penyampaian statistik {pd}: {payload.Month}",
            $"{pd} menyampaikan {payload.Values.Count} nilai statistik untuk bulan {payload.Month}. Periksa lalu terima atau kembalikan dengan catatan.",
            $"/admin/statistik/verifikasi/{message.From}/{message.Subject}"));
    }
}
