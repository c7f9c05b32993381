using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrchardSpbe.Data;

namespace OrchardSpbe.Audit;

/// <summary>Who changed what in a tenant, and when; written in the same transaction as the change.</summary>
public sealed class AuditLog(TenantSession session, IHttpContextAccessor http)
{
    public async Task RecordAsync(string action, string? target = null, string? details = null, string? userName = null)
    {
        var context = http.HttpContext;
        await session.ExecuteAsync("""
            INSERT INTO spbe_audit (at_utc, user_name, action, target, details, client_ip)
            VALUES (@at, @user, @action, @target, @details, @ip)
            """, new
        {
            at = UnixTime.Now,
            user = userName ?? context?.User.FindFirstValue(ClaimTypes.Name),
            action,
            target,
            details,
            ip = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int page, int pageSize)
    {
        var rows = await session.QueryAsync<AuditEntry>("""
            SELECT id AS Id, at_utc AS AtUtc, user_name AS UserName, action AS Action, target AS Target,
                   details AS Details, client_ip AS ClientIp
            FROM spbe_audit
            ORDER BY id DESC LIMIT @take OFFSET @skip
            """, new { take = pageSize, skip = (page - 1) * pageSize });
        return rows.ToList();
    }

    /// <summary>The trail of one thing (e.g. "content:&lt;id&gt;"), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListForTargetAsync(string target, int take = 200)
    {
        var rows = await session.QueryAsync<AuditEntry>("""
            SELECT id AS Id, at_utc AS AtUtc, user_name AS UserName, action AS Action, target AS Target,
                   details AS Details, client_ip AS ClientIp
            FROM spbe_audit WHERE target = @target
            ORDER BY id DESC LIMIT @take
            """, new { target, take });
        return rows.ToList();
    }

    public async Task<long> CountAsync() => await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spbe_audit");
}

public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? ClientIp { get; set; }
}
