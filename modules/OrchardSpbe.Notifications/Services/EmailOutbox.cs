using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// Queues e-mails in the tenant's own store, in the caller's transaction: a rolled-back change sends nothing,
/// a committed one is sent right after the commit (<see cref="EmailSender.Nudge"/>) and, when that fails, by
/// <see cref="EmailOutboxTask"/> until the mail server takes it.
/// </summary>
public sealed class EmailOutbox(TenantSession session, TenantContext tenant, EmailSender sender, IOptions<SmtpSettings> smtp, ILogger<EmailOutbox> logger)
{
    public async Task EnqueueAsync(string address, string subject, string body)
    {
        if (!smtp.Value.IsConfigured) return;
        if (!MailboxAddress.TryParse(address, out _))
        {
            logger.LogWarning("E-mail to an invalid address '{Address}' skipped", address);
            return;
        }
        await session.ExecuteAsync("""
            INSERT INTO email_outbox (to_address, subject, body, created_utc, attempts, next_attempt_utc)
            VALUES (@address, @subject, @body, @now, 0, @now)
            """, new { address, subject, body, now = UnixTime.Now });
        var shell = tenant.Shell;
        await session.AfterCommitAsync("email-outbox", () =>
        {
            sender.Nudge(shell);
            return Task.CompletedTask;
        });
    }
}
