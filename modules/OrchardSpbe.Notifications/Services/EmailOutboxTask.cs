using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// Sends what the nudge after commit could not (the mail server down, the process stopped): every tenant with
/// the feature, one indexed query each when nothing is due.
/// </summary>
public sealed class EmailOutboxTask(EmailSender sender, IOptions<SmtpSettings> smtp) : IBackgroundTask
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        if (!smtp.Value.IsConfigured) return null;
        await sender.SendDueAsync(tenantServices.GetRequiredService<TenantContext>().Shell, cancellationToken);
        // The next retry (or the lease of a message another node is sending): the schedule wakes the tenant then.
        var next = await tenantServices.GetRequiredService<TenantSession>().ExecuteScalarAsync<long?>(
            "SELECT MIN(next_attempt_utc) FROM email_outbox WHERE next_attempt_utc IS NOT NULL");
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
