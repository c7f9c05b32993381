using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Compliance;

/// <summary>
/// On each PD, with no visitor needed: when the last seven days of the month begin (001 Pasal 20(6)), the data
/// officers get a notification and an e-mail — once per month, unless the month was already handed over.
/// </summary>
public sealed class ReminderTask(TimeProvider clock) : IBackgroundTask
{
    // Months already dealt with per tenant, so most ticks cost no query.
    private readonly ConcurrentDictionary<string, string> _done = new();

    public string? FeatureId => Manifest.FeatureId;

    // Naming the first data officer is a commit: it wakes this task, so a site without one is not polled.
    public bool RunsAfterCommits => true;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var tenant = services.GetRequiredService<TenantContext>();
        if (tenant.IsDefault) return null;
        var now = clock.GetUtcNow();
        var month = ReportingMonth.Containing(now);
        if (now < month.DueWindowStart) return month.DueWindowStart;
        var nextMonth = ReportingMonth.Containing(month.End).DueWindowStart;
        if (_done.TryGetValue(tenant.Name, out var done) && done == month.ToString()) return nextMonth;

        // Nobody to remind yet (a new site, officers not named): the commit that names one wakes this task again.
        var officers = await services.GetRequiredService<ITenantUsers>().InRolesAsync([StatisticsRoles.DataOfficer]);
        if (officers.Count == 0) return nextMonth;
        var session = services.GetRequiredService<TenantSession>();
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        var sent = await session.ExecuteAsync(
            "INSERT INTO stat_reminders (month, sent_utc) VALUES (@month, @now) ON CONFLICT (month) DO NOTHING",
            new { month = month.ToString(), now = UnixTime.Ms(now) });
        var delivered = await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM stat_submissions WHERE month = @month AND state IN ('menunggu', 'diterima')", new { month = month.ToString() });
        if (sent == 1 && delivered == 0)
        {
            await services.GetRequiredService<INotifier>().NotifyAsync(officers.Select(o => o.UserName).ToList(), new Notification(
                $"Pekan penyampaian statistik {month.Label} dimulai",
                $"Sampaikan pemutakhiran statistik bulan {month.Label} ke Diskominfostandi paling lambat {month.End.AddDays(-1):dd-MM-yyyy} (001 Pasal 20(6)).",
                "/admin/statistik/penyampaian"));
        }
        await transaction.CommitAsync();
        _done[tenant.Name] = month.ToString();
        return nextMonth;
    }
}
