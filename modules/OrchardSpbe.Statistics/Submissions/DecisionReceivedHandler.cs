using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Search;
using OrchardSpbe.Security;
using OrchardSpbe.Signals;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>
/// On the PD: the verifier's decision arrives. Accepted values become public on the PD's own site (and in search);
/// a returned submission shows its note to the data officers, who fix and submit again.
/// </summary>
public sealed class DecisionReceivedHandler(IChangeBus changes) : IHandoverHandler
{
    public string Kind => HandoverKinds.Decision;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var decision = JsonSerializer.Deserialize<DecisionPayload>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        var tenant = services.GetRequiredService<TenantContext>();
        var submission = await session.QuerySingleOrDefaultAsync<SubmittedRow>(
            "SELECT month AS Month, indicators AS Indicators, submitted_by AS SubmittedBy FROM stat_submissions WHERE id = @id", new { id = message.Subject });
        if (submission is null) return; // a decision on a submission this PD never made: nothing to apply
        await session.ExecuteAsync("""
            UPDATE stat_submissions SET state = @state, decided_by = @by, decided_utc = @at, decision_note = @note WHERE id = @id
            """, new { state = decision.Decision, by = decision.DecidedBy, at = UnixTime.Ms(decision.DecidedUtc), note = decision.Note, id = message.Subject });

        if (decision.Decision == SubmissionStates.Accepted)
        {
            var indicators = JsonSerializer.Deserialize<List<IndicatorSnapshot>>(submission.Indicators)!;
            var values = await session.QueryAsync<ValueSnapshot>("""
                SELECT code AS Code, period AS Period, area AS Area, disaggregation AS Disaggregation, value AS Value, status AS Status, note AS Note
                FROM stat_submission_values WHERE submission_id = @id
                """, new { id = message.Subject });
            await services.GetRequiredService<PublicStatisticsWriter>().ApplyAcceptedAsync(tenant.Name, indicators, values, decision.DecidedUtc);
            await IndicatorSearchSource.LogChangesAsync(services, indicators.Select(i => i.Code));
            var name = tenant.Name;
            await session.AfterCommitAsync("statistics-pages", () => changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, name)));
        }

        var officers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StatisticsRoles.DataOfficer]);
        var people = officers.Select(o => o.UserName).Append(submission.SubmittedBy).Distinct().ToList();
        var notification = decision.Decision == SubmissionStates.Accepted
            ? new Notification($"Penyampaian statistik {submission.Month} diterima",
                $"{decision.DecidedBy} (Diskominfostandi) menerima penyampaian bulan {submission.Month}; nilainya kini tampil di situs dan portal.", "/admin/statistik/penyampaian")
            : new Notification($"Penyampaian statistik {submission.Month} dikembalikan",
                $"{decision.DecidedBy} (Diskominfostandi) mengembalikan penyampaian bulan {submission.Month} dengan catatan: {decision.Note}", "/admin/statistik/penyampaian");
        await services.GetRequiredService<INotifier>().NotifyAsync(people, notification);
    }

    private sealed class SubmittedRow
    {
        public string Month { get; set; } = "";
        public string Indicators { get; set; } = "[]";
        public string SubmittedBy { get; set; } = "";
    }
}
