using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Background;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// Sends what the nudge after commit could not (the mail server down, the process stopped): every tenant with
/// the feature, one indexed query each when nothing is due.
/// </summary>
public sealed class EmailOutboxTask(EmailSender sender, IOptions<SmtpSettings> smtp) : IBackgroundTask
{
    public string? FeatureId => Manifest.FeatureId;

    // Often enough for the first retry's delay, at most every 30 seconds.
    public TimeSpan Interval => smtp.Value.RetryDelay < TimeSpan.FromSeconds(30) ? smtp.Value.RetryDelay : TimeSpan.FromSeconds(30);

    public async Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        if (!smtp.Value.IsConfigured) return;
        await sender.SendDueAsync(tenantServices.GetRequiredService<TenantContext>().Shell, cancellationToken);
    }
}
