using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Handover;

/// <summary>
/// Moves hand-over messages between tenants and has the receivers apply them, exactly once:
/// <list type="number">
/// <item>the sender's outbox row is copied into the receiver's inbox, keyed by the message id — a second copy of the
/// same message is ignored, so a move repeated after a crash is harmless;</item>
/// <item>only then is the outbox row deleted;</item>
/// <item>the receiver claims the message (applied_utc from NULL to now) in the same transaction as everything its
/// handler writes, so a message is applied once, even by two nodes at once, and a crash before the commit leaves
/// it to apply again.</item>
/// </list>
/// Replies travel the same road (the handler sends through <see cref="HandoverOutbox"/>).
/// </summary>
public sealed class HandoverRelay(
    IDatabaseProvider database,
    ShellHost shells,
    TenantScopeFactory scopes,
    IEnumerable<IHandoverHandler> handlers,
    FailPoints failPoints,
    TimeProvider clock,
    Background.DueWork due,
    ILogger<HandoverRelay> logger)
{
    public const int MaxAttempts = 8;
    private const int Batch = 100;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _relayLocks = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _applyLocks = new();

    // When a tenant's failed step is tried again; the background schedule is told the same time (issue 17), and its
    // safety sweep finds what a crash or another node left behind. Tenants with nothing failed cost no query.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextCheck = new();

    private Dictionary<string, IHandoverHandler> Handlers => _handlers ??= handlers.ToDictionary(h => h.Kind);
    private Dictionary<string, IHandoverHandler>? _handlers;

    private void RetryAt(string tenant, DateTimeOffset at)
    {
        _nextCheck[tenant] = at;
        due.At(tenant, nameof(HandoverSweep), at);
    }

    /// <summary>When a failed step of the tenant's is tried again (null: nothing failed).</summary>
    public DateTimeOffset? NextRetry(string tenant) => _nextCheck.TryGetValue(tenant, out var at) ? at : null;

    /// <summary>Moves what the tenant has sent, then has each receiver apply it; finally applies what waits in its own inbox.</summary>
    public async Task SweepAsync(string tenant, CancellationToken cancellationToken = default)
    {
        _nextCheck.TryRemove(tenant, out _);
        await RelayAsync(tenant, cancellationToken);
        await ApplyAsync(tenant, cancellationToken);
    }

    /// <summary>Moves the tenant's outbox to the receivers' inboxes in order, then has them apply it.</summary>
    public async Task RelayAsync(string senderName, CancellationToken cancellationToken = default)
    {
        if (await shells.GetAsync(senderName) is not { } sender) return;
        var receivers = new HashSet<string>();
        var gate = _relayLocks.GetOrAdd(senderName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var source = await database.OpenAsync(sender.Record.DatabaseLocation, cancellationToken);
            long after = 0;
            while (true)
            {
                var rows = (await source.QueryAsync<OutboxRow>("""
                    SELECT id AS Id, message_id AS MessageId, to_tenant AS ToTenant, kind AS Kind, subject AS Subject,
                           payload AS Payload, created_utc AS CreatedUtc
                    FROM spbe_handover_outbox WHERE id > @after ORDER BY id LIMIT 100
                    """, new { after })).ToList();
                if (rows.Count == 0) break;
                foreach (var row in rows)
                {
                    after = row.Id;
                    // A receiver that is not running (disabled) keeps its messages waiting in the sender's outbox.
                    if (await shells.GetAsync(row.ToTenant) is not { } receiver) continue;
                    await DeliverAsync(receiver, senderName, row, cancellationToken);
                    failPoints.Hit("handover:delivered");
                    await source.ExecuteAsync("DELETE FROM spbe_handover_outbox WHERE id = @id", new { id = row.Id });
                    failPoints.Hit("handover:dequeued");
                    receivers.Add(receiver.Name);
                }
                if (rows.Count < Batch) break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RetryAt(senderName, clock.GetUtcNow().AddSeconds(30));
            logger.LogWarning(exception, "Hand-over messages of {Tenant} could not be moved yet", senderName);
        }
        finally
        {
            gate.Release();
        }
        foreach (var receiver in receivers) await ApplyAsync(receiver, cancellationToken);
    }

    private async Task DeliverAsync(TenantShell receiver, string from, OutboxRow row, CancellationToken cancellationToken)
    {
        await using var target = await database.OpenAsync(receiver.Record.DatabaseLocation, cancellationToken);
        await target.ExecuteAsync("""
            INSERT INTO spbe_handover_inbox (message_id, from_tenant, kind, subject, payload, created_utc, received_utc, attempts)
            VALUES (@MessageId, @from, @Kind, @Subject, @Payload, @CreatedUtc, @now, 0)
            ON CONFLICT (message_id) DO NOTHING
            """, new { row.MessageId, from, row.Kind, row.Subject, row.Payload, row.CreatedUtc, now = UnixTime.Now });
    }

    /// <summary>Applies the messages waiting in the tenant's inbox whose time has come, oldest first.</summary>
    public async Task ApplyAsync(string receiverName, CancellationToken cancellationToken = default)
    {
        if (await shells.GetAsync(receiverName) is not { } receiver) return;
        var gate = _applyLocks.GetOrAdd(receiverName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            List<InboxRow> pending;
            await using (var connection = await database.OpenAsync(receiver.Record.DatabaseLocation, cancellationToken))
                pending = (await connection.QueryAsync<InboxRow>("""
                    SELECT message_id AS MessageId, from_tenant AS FromTenant, kind AS Kind, subject AS Subject, payload AS Payload,
                           created_utc AS CreatedUtc, attempts AS Attempts
                    FROM spbe_handover_inbox
                    WHERE applied_utc IS NULL AND attempts < @max AND (next_attempt_utc IS NULL OR next_attempt_utc <= @now)
                    ORDER BY received_utc, message_id LIMIT 100
                    """, new { max = MaxAttempts, now = UnixTime.Ms(clock.GetUtcNow()) })).ToList();
            foreach (var row in pending) await ApplyOneAsync(receiver, row, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyOneAsync(TenantShell receiver, InboxRow row, CancellationToken cancellationToken)
    {
        var message = row.ToMessage(receiver.Name);
        try
        {
            await using var scope = scopes.CreateScope(receiver);
            var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
            await using (var transaction = await session.BeginTransactionAsync(cancellationToken))
            {
                var claimed = await session.ExecuteAsync(
                    "UPDATE spbe_handover_inbox SET applied_utc = @now WHERE message_id = @id AND applied_utc IS NULL",
                    new { id = row.MessageId, now = UnixTime.Ms(clock.GetUtcNow()) });
                if (claimed == 0) return; // another node applied it meanwhile
                if (!Handlers.TryGetValue(row.Kind, out var handler))
                    throw new InvalidOperationException($"No handler for hand-over messages of kind '{row.Kind}' in {receiver.Name}.");
                await handler.HandleAsync(message, scope.ServiceProvider, cancellationToken);
                await transaction.CommitAsync();
            }
            failPoints.Hit("handover:applied");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RecordFailureAsync(receiver, row, exception);
        }
    }

    // 1 min, doubling, up to an hour; after MaxAttempts the message stays in the inbox with its error, for an operator.
    private async Task RecordFailureAsync(TenantShell receiver, InboxRow row, Exception exception)
    {
        var delay = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, row.Attempts)));
        var next = clock.GetUtcNow() + delay;
        logger.LogError(exception, "Hand-over message {MessageId} ({Kind}) from {From} could not be applied in {Tenant} (attempt {Attempt})",
            row.MessageId, row.Kind, row.FromTenant, receiver.Name, row.Attempts + 1);
        try
        {
            await using var connection = await database.OpenAsync(receiver.Record.DatabaseLocation);
            await connection.ExecuteAsync("""
                UPDATE spbe_handover_inbox SET attempts = attempts + 1, next_attempt_utc = @next, last_error = @error
                WHERE message_id = @id AND applied_utc IS NULL
                """, new { id = row.MessageId, next = UnixTime.Ms(next), error = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message });
            if (!_nextCheck.TryGetValue(receiver.Name, out var at) || at > next) RetryAt(receiver.Name, next);
        }
        catch (Exception recordFailure)
        {
            RetryAt(receiver.Name, clock.GetUtcNow().AddSeconds(30));
            logger.LogWarning(recordFailure, "The failed hand-over of {MessageId} could not be recorded", row.MessageId);
        }
    }

    private sealed class OutboxRow
    {
        public long Id { get; set; }
        public string MessageId { get; set; } = "";
        public string ToTenant { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Payload { get; set; } = "";
        public long CreatedUtc { get; set; }
    }

    private sealed class InboxRow
    {
        public string MessageId { get; set; } = "";
        public string FromTenant { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Payload { get; set; } = "";
        public long CreatedUtc { get; set; }
        public int Attempts { get; set; }

        public HandoverMessage ToMessage(string to) => new()
        {
            Id = MessageId, Kind = Kind, From = FromTenant, To = to, Subject = Subject, Payload = Payload,
            CreatedUtc = UnixTime.FromMs(CreatedUtc),
        };
    }
}
