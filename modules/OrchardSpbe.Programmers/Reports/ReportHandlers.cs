using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Reports;

/// <summary>On the PD: a member placed here (or their term or status changed) — the PD keeps its copy.</summary>
public sealed class PlacementReceivedHandler : IHandoverHandler
{
    public string Kind => ReportHandoverKinds.Placement;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<PlacementPayload>(message.Payload, HandoverOutbox.Json)!;
        await services.GetRequiredService<ReportService>().ApplyPlacementAsync(payload);
    }
}

/// <summary>On the portal: a coordinator's evaluation arrives for the Sekretaris and the Ketua (000 Pasal 20(2)–(3)), who are told.</summary>
public sealed class EvaluationReceivedHandler(TenantRegistry registry) : IHandoverHandler
{
    public string Kind => ReportHandoverKinds.Evaluation;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<EvaluationPayload>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        await session.ExecuteAsync("""
            INSERT INTO prog_evaluations (tenant, report_id, member_id, full_name, kind, period, summary, outputs, rating, note, evaluated_by, evaluated_utc, received_utc)
            VALUES (@tenant, @ReportId, @MemberId, @FullName, @Kind, @Period, @Summary, @outputs, @Rating, @Note, @EvaluatedBy, @evaluated, @now)
            ON CONFLICT (tenant, report_id) DO NOTHING
            """, new
        {
            tenant = message.From, payload.ReportId, payload.MemberId, payload.FullName, payload.Kind, payload.Period, payload.Summary,
            outputs = JsonSerializer.Serialize(payload.Outputs), payload.Rating, payload.Note, payload.EvaluatedBy,
            evaluated = UnixTime.Ms(payload.EvaluatedUtc), now = UnixTime.Now,
        });
        var pd = registry.Find(message.From)?.DisplayName ?? message.From;
        var chairs = await services.GetRequiredService<ITenantUsers>().InRolesAsync([ProgrammerRoles.TeamChair]);
        await services.GetRequiredService<INotifier>().NotifyAsync(chairs.Select(c => c.UserName).ToList(), new Notification(
            $"Evaluasi laporan {payload.FullName} ({payload.Period}) dari {pd}",
            $"Koordinator {pd} menilai laporan {payload.Kind} {payload.Period} {payload.FullName}: {payload.Rating}.",
            "/admin/tim-programmer/evaluasi"));
    }
}
