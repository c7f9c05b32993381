using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// Sends a tenant's due outbox e-mails through SMTP. Each e-mail is claimed with one conditional UPDATE before
/// it is sent, so two nodes (or a nudge and the background task) never send the same row; a failed send is
/// retried later with a doubling delay, and a node that dies mid-send leaves its claim to expire.
/// </summary>
public sealed class EmailSender(
    IDatabaseProvider database,
    IOptions<SmtpSettings> options,
    IHostApplicationLifetime lifetime,
    ILogger<EmailSender> logger)
{
    // How long a claimed e-mail stays this node's; a crash mid-send makes it due again after this.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<string, long> _waiting = new();

    /// <summary>Per tenant, the e-mails still waiting in its outbox after this node's last round (for the operators).</summary>
    public IReadOnlyDictionary<string, long> Waiting => _waiting;

    /// <summary>The mail server's last answer on this node: when it last accepted a message, and when and why it last failed.</summary>
    public DateTimeOffset? LastSentUtc { get; private set; }
    public (DateTimeOffset At, string Error)? LastFailure { get; private set; }

    private SmtpSettings Settings => options.Value;

    /// <summary>Sends what is due without holding up the caller (the request that committed the e-mails); stops with the host.</summary>
    public void Nudge(TenantShell shell) => _ = Task.Run(() => SendDueAsync(shell, lifetime.ApplicationStopping));

    /// <summary>Sends every due e-mail of the tenant; returns how many went out.</summary>
    public async Task<int> SendDueAsync(TenantShell shell, CancellationToken cancellationToken)
    {
        if (!Settings.IsConfigured) return 0;
        var gate = _gates.GetOrAdd(shell.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(shell.Record.DatabaseLocation, cancellationToken);
            var (claimed, sent) = await SendClaimedAsync(connection, shell, cancellationToken);
            // Counted only where mail was due this round or waiting before: most tenants cost nothing more.
            if (claimed || _waiting.GetValueOrDefault(shell.Name) > 0)
                _waiting[shell.Name] = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_outbox WHERE next_attempt_utc IS NOT NULL");
            return sent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store is unreachable: nothing was lost, the outbox rows wait for the next round.
            logger.LogWarning(exception, "E-mails of {Tenant} could not be sent yet", shell.Name);
            return 0;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Claims and sends one e-mail after another over one SMTP connection, until none is due or the server fails.</summary>
    private async Task<(bool Claimed, int Sent)> SendClaimedAsync(DbConnection connection, TenantShell shell, CancellationToken cancellationToken)
    {
        // Most rounds of most tenants find nothing due: no SMTP client is made for them.
        if (await ClaimAsync(connection) is not { } email) return (false, 0);
        using var smtp = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        do
        {
            try
            {
                if (!smtp.IsConnected) await ConnectAsync(smtp, cancellationToken);
                await smtp.SendAsync(Compose(email, shell), cancellationToken);
                await connection.ExecuteAsync(
                    "UPDATE email_outbox SET sent_utc = @now, next_attempt_utc = NULL, last_error = NULL WHERE id = @id",
                    new { id = email.Id, now = UnixTime.Now });
                sent++;
                LastSentUtc = DateTimeOffset.UtcNow;
            }
            catch (SmtpCommandException refused) when (refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // The server answered and refused this message (e.g. the recipient): the others may still go.
                await FailAsync(connection, email, refused);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The server is unreachable or broke off: the rest waits for the next round.
                LastFailure = (DateTimeOffset.UtcNow, exception.Message);
                await FailAsync(connection, email, exception);
                break;
            }
        }
        while (!cancellationToken.IsCancellationRequested && (email = await ClaimAsync(connection)) is not null);
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, cancellationToken);
        return (true, sent);
    }

    /// <summary>The oldest due e-mail, now claimed by this node for <see cref="Lease"/>; null when nothing is due.</summary>
    private static async Task<OutboxEmail?> ClaimAsync(DbConnection connection)
    {
        while (true)
        {
            var now = UnixTime.Now;
            var id = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM email_outbox WHERE next_attempt_utc <= @now ORDER BY next_attempt_utc, id LIMIT 1", new { now });
            if (id is null) return null;
            // Only one claimant's UPDATE still finds the row due; another node that picked the same id gets 0 and looks again.
            var claimed = await connection.ExecuteAsync(
                "UPDATE email_outbox SET attempts = attempts + 1, next_attempt_utc = @lease WHERE id = @id AND next_attempt_utc <= @now",
                new { id, now, lease = now + (long)Lease.TotalMilliseconds });
            if (claimed == 1)
                return await connection.QuerySingleAsync<OutboxEmail>(
                    "SELECT id AS Id, to_address AS ToAddress, subject AS Subject, body AS Body, attempts AS Attempts FROM email_outbox WHERE id = @id",
                    new { id });
        }
    }

    private async Task FailAsync(DbConnection connection, OutboxEmail email, Exception error)
    {
        var givenUp = email.Attempts >= Settings.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, Settings.RetryDelay.Ticks * (1L << Math.Min(email.Attempts - 1, 20))));
        await connection.ExecuteAsync("UPDATE email_outbox SET next_attempt_utc = @next, last_error = @error WHERE id = @id", new
        {
            id = email.Id,
            next = givenUp ? (long?)null : UnixTime.Now + (long)delay.TotalMilliseconds,
            error = error.Message.Length > 1000 ? error.Message[..1000] : error.Message,
        });
        if (givenUp) logger.LogError(error, "E-mail {Id} to {Address} given up after {Attempts} attempts", email.Id, email.ToAddress, email.Attempts);
        else logger.LogWarning("E-mail {Id} to {Address} failed (attempt {Attempts}), retried in {Delay}: {Error}",
            email.Id, email.ToAddress, email.Attempts, delay, error.Message);
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        await smtp.ConnectAsync(Settings.Host!, Settings.Port, Settings.Tls, cancellationToken);
        if (!string.IsNullOrEmpty(Settings.UserName))
            await smtp.AuthenticateAsync(Settings.UserName, Settings.Password ?? "", cancellationToken);
    }

    private MimeMessage Compose(OutboxEmail email, TenantShell shell)
    {
        var fromName = string.IsNullOrWhiteSpace(Settings.FromName) ? shell.Settings.SiteName : Settings.FromName;
        var message = new MimeMessage { Subject = email.Subject };
        message.From.Add(new MailboxAddress(fromName, Settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.ToAddress));
        // One Message-Id per outbox row: a copy a retry duplicates (sent, then the database failed) can be recognised.
        var domain = Settings.FromAddress.Contains('@') ? Settings.FromAddress[(Settings.FromAddress.IndexOf('@') + 1)..] : "localhost";
        message.MessageId = $"outbox-{email.Id}.{shell.Name}@{domain}";
        message.Body = new BodyBuilder { TextBody = email.Body, HtmlBody = EmailText.ToHtml(email.Body) }.ToMessageBody();
        return message;
    }

    private sealed class OutboxEmail
    {
        public long Id { get; set; }
        public string ToAddress { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
        public int Attempts { get; set; }
    }
}
