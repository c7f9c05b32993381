using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Data;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// <see cref="INotifier"/>: a row in each user's notification list and an e-mail in the outbox, both in the
/// caller's transaction. On a tenant without the Notifications feature (no tables) it does nothing.
/// </summary>
public sealed class Notifier(
    TenantContext tenant,
    TenantSession session,
    ITenantUsers users,
    NotificationStore notifications,
    EmailOutbox outbox,
    TenantUrls urls,
    IOptions<SmtpSettings> smtp,
    ILogger<Notifier> logger) : INotifier
{
    public async Task NotifyAsync(IReadOnlyCollection<string> userNames, Notification notification)
    {
        if (!tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return;
        var link = LocalPath(notification.Link);
        var site = tenant.Shell.Settings.SiteName;
        var record = tenant.Shell.Record;
        // Joins the caller's transaction, or makes the whole batch one of its own.
        await using var transaction = await session.BeginTransactionAsync();
        foreach (var name in userNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var user = await users.FindAsync(name);
            if (user is not { IsEnabled: true }) continue;
            await notifications.AddAsync(user.UserName, notification.Subject, notification.Body, link);
            if (smtp.Value.IsConfigured && !string.IsNullOrWhiteSpace(user.Email))
                await outbox.EnqueueAsync(user.Email, notification.Subject, EmailText.ForNotification(
                    notification.Body, link is null ? null : urls.Of(record, link), site, urls.Of(record, "/admin/notifications")));
        }
        await transaction.CommitAsync();
    }

    public async Task EmailAsync(IReadOnlyCollection<string> addresses, string subject, string body)
    {
        if (!tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return;
        if (!smtp.Value.IsConfigured)
        {
            logger.LogInformation("No SMTP server configured (Spbe:Smtp:Host): e-mail '{Subject}' not sent", subject);
            return;
        }
        var text = EmailText.ForMessage(body, tenant.Shell.Settings.SiteName);
        await using var transaction = await session.BeginTransactionAsync();
        foreach (var address in addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            await outbox.EnqueueAsync(address, subject, text);
        await transaction.CommitAsync();
    }

    /// <summary>Only a path on this site is kept: the list redirects to it, so anything else would be an open redirect.</summary>
    private string? LocalPath(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)) return link;
        logger.LogWarning("Notification link '{Link}' is not a path on the site; dropped", link);
        return null;
    }
}
