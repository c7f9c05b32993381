using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Compliance;

/// <summary>
/// On the portal, with no visitor needed: once a month has ended, every PD that delivered nothing for it is marked
/// "tidak menyampaikan", told so through the hand-over, and the verifiers are notified (001 Pasal 20(6), 26(3)).
/// A PD that delivers afterwards becomes "terlambat" when its submission arrives.
/// </summary>
public sealed class ComplianceDeadlineTask(TimeProvider clock, ShellHost shells, TenantRegistry registry, IOptions<StatisticsOptions> options) : CalendarCheck
{
    public override string? FeatureId => Manifest.FeatureId;

    protected override bool? OnPortal => true;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;

    protected override async Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var month = ReportingMonth.Containing(clock.GetUtcNow()).Previous();
        var session = services.GetRequiredService<TenantSession>();
        var marked = (await session.QueryAsync<string>("SELECT tenant FROM stat_compliance_marks WHERE month = @month", new { month = month.ToString() })).ToHashSet();
        // A PD owes a month only if its site existed before the month ended. Issue 17: the records decide first, so an
        // ordinary check builds no PD's shell; only the PDs still unmarked are opened, to see whether they run Statistics.
        var due = new List<TenantShell>();
        foreach (var record in registry.All.Where(t => t.State == TenantState.Running && !t.IsDefault && t.CreatedUtc < month.End && !marked.Contains(t.Name)))
            if (await shells.GetOrActivateAsync(record) is var pd && pd.IsFeatureEnabled(Manifest.FeatureId)) due.Add(pd);
        if (due.Count == 0) return true;

        var submissions = (await session.QueryAsync<ComplianceBoard.Row>(
            "SELECT tenant AS Tenant, month AS Month, state AS State, submitted_utc AS SubmittedUtc FROM stat_inbound_submissions WHERE month = @month ORDER BY received_utc",
            new { month = month.ToString() })).ToLookup(r => r.Tenant);
        var missing = new List<TenantShell>();
        await using (var transaction = await session.BeginTransactionAsync(cancellationToken))
        {
            var outbox = services.GetRequiredService<HandoverOutbox>();
            foreach (var pd in due)
            {
                var state = ComplianceBoard.StateOf(submissions[pd.Name].ToList(), month, clock.GetUtcNow());
                await session.ExecuteAsync("""
                    INSERT INTO stat_compliance_marks (tenant, month, mark, marked_utc) VALUES (@tenant, @month, @state, @now)
                    ON CONFLICT (tenant, month) DO NOTHING
                    """, new { tenant = pd.Name, month = month.ToString(), state, now = UnixTime.Ms(clock.GetUtcNow()) });
                if (state != ComplianceStates.NotDelivered) continue;
                missing.Add(pd);
                await outbox.SendAsync(pd.Name, HandoverKinds.Mark, month.ToString(), new MarkPayload(month.ToString(), state));
            }
            if (missing.Count > 0)
            {
                var verifiers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StatisticsRoles.Verifier]);
                await services.GetRequiredService<INotifier>().NotifyAsync(verifiers.Select(v => v.UserName).ToList(), new Notification(
                    $"{missing.Count} perangkat daerah tidak menyampaikan statistik {month.Label}",
                    string.Join(", ", missing.Select(m => m.Record.DisplayName)) + ". Daftar teguran siap dicetak di papan kepatuhan.",
                    $"/admin/statistik/kepatuhan/teguran?bulan={month}"));
            }
            await transaction.CommitAsync();
        }
        return true;
    }
}
