namespace OrchardSpbe.Notifications;

/// <summary>
/// Tells people that something needs them: an in-app notification per user (written in the caller's
/// transaction) and, when SMTP is configured, an e-mail sent once the change is durable.
/// </summary>
public interface INotifier
{
    /// <summary>Notifies each named user once (unknown and disabled users are skipped).</summary>
    Task NotifyAsync(IReadOnlyCollection<string> userNames, Notification notification);

    /// <summary>An e-mail to addresses outside the user list (e.g. a workflow's "send e-mail" step).</summary>
    Task EmailAsync(IReadOnlyCollection<string> addresses, string subject, string body);
}

/// <summary>What a notification says. <see cref="Link"/> is a path on the tenant's site ("/admin/…"); e-mails make it absolute.</summary>
public sealed record Notification(string Subject, string Body, string? Link);
