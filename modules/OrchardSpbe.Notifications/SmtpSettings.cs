using MailKit.Security;

namespace OrchardSpbe.Notifications;

/// <summary>
/// The mail server every tenant sends through, from the host's configuration (<c>Spbe:Smtp</c>). Without a
/// <see cref="Host"/> no e-mail is queued; in-app notifications work either way.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Spbe:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None (plain, e.g. a local relay), Auto (TLS on 465, STARTTLS when offered elsewhere), StartTls, SslOnConnect.</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@bekasikota.go.id";

    /// <summary>The sender's display name; empty: the tenant's site name ("Dinas Kesehatan").</summary>
    public string? FromName { get; set; }

    /// <summary>The first retry's delay after a failed send; each further failure doubles it, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sends after which an e-mail is given up (kept in the outbox with its last error).</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
