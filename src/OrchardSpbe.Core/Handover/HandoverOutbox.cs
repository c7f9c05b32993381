using System.Text.Json;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Handover;

/// <summary>
/// How a tenant sends a message to another: a row in its own outbox, written in the transaction of the change that
/// caused it (a rolled-back change sends nothing). Right after the commit the host moves it to the receiver
/// (<see cref="HandoverRelay"/>); a move that a crash interrupted is finished by <see cref="HandoverSweep"/>.
/// </summary>
public sealed class HandoverOutbox(TenantSession session, TenantContext tenant, HandoverRelay relay, FailPoints failPoints)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues the message; returns its id.</summary>
    public async Task<string> SendAsync(string toTenant, string kind, string subject, object payload)
    {
        var id = Guid.NewGuid().ToString("N");
        await session.ExecuteAsync("""
            INSERT INTO spbe_handover_outbox (message_id, to_tenant, kind, subject, payload, created_utc)
            VALUES (@id, @toTenant, @kind, @subject, @payload, @now)
            """, new { id, toTenant, kind, subject, payload = payload as string ?? JsonSerializer.Serialize(payload, Json), now = UnixTime.Now });
        var sender = tenant.Shell.Name;
        await session.AfterCommitAsync("handover-relay", () =>
        {
            failPoints.Hit("handover:sent");
            return relay.RelayAsync(sender);
        });
        return id;
    }
}
