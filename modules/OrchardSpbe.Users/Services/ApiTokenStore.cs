using System.Security.Cryptography;
using System.Text;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>
/// The users' API tokens (<c>api_tokens</c>): each user creates and revokes their own; a token is shown once and only
/// its SHA-256 is kept; it has an expiry. They live in the tenant's own store, so a token is looked up on its own site only.
/// </summary>
public sealed class ApiTokenStore(TenantSession session, AuditLog audit, TimeProvider clock)
{
    public const int MaxDays = 365;

    public async Task<(string Token, ApiToken Record)> CreateAsync(string userName, string name, int days)
    {
        var secret = "spbe_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var record = new ApiToken(Guid.NewGuid().ToString("N"), userName, name, now, now.AddDays(days), null, null);
        await session.ExecuteAsync("""
            INSERT INTO api_tokens (id, user_name, name, hash, created_utc, expires_utc) VALUES (@id, @user, @name, @hash, @created, @expires)
            """, new { id = record.Id, user = userName, name, hash = Hash(secret), created = UnixTime.Ms(now), expires = UnixTime.Ms(record.ExpiresUtc) });
        await audit.RecordAsync("api-token.create", record.Id, name, userName);
        return (secret, record);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userName) =>
        (await session.QueryAsync<Row>("""
            SELECT id AS Id, user_name AS UserName, name AS Name, created_utc AS CreatedUtc, expires_utc AS ExpiresUtc, revoked_utc AS RevokedUtc, last_used_utc AS LastUsedUtc
            FROM api_tokens WHERE user_name = @userName ORDER BY created_utc DESC
            """, new { userName })).Select(r => new ApiToken(r.Id, r.UserName, r.Name, UnixTime.FromMs(r.CreatedUtc), UnixTime.FromMs(r.ExpiresUtc),
                r.RevokedUtc is { } revoked ? UnixTime.FromMs(revoked) : null, r.LastUsedUtc is { } used ? UnixTime.FromMs(used) : null)).ToList();

    public async Task<bool> RevokeAsync(string id, string userName)
    {
        var revoked = await session.ExecuteAsync("UPDATE api_tokens SET revoked_utc = @now WHERE id = @id AND user_name = @userName AND revoked_utc IS NULL",
            new { now = UnixTime.Ms(clock.GetUtcNow()), id, userName }) == 1;
        if (revoked) await audit.RecordAsync("api-token.revoke", id, null, userName);
        return revoked;
    }

    /// <summary>The id and user of the active (unexpired, unrevoked) token with this secret.</summary>
    public async Task<(string Id, string UserName)?> FindActiveAsync(string secret) =>
        await session.QuerySingleOrDefaultAsync<(string Id, string UserName)?>(
            "SELECT id, user_name FROM api_tokens WHERE hash = @hash AND revoked_utc IS NULL AND expires_utc > @now",
            new { hash = Hash(secret), now = UnixTime.Ms(clock.GetUtcNow()) });

    /// <summary>Records the use the list shows; to the minute, so a busy script does not write on every request.</summary>
    public async Task MarkUsedAsync(string id)
    {
        var now = UnixTime.Ms(clock.GetUtcNow());
        await session.ExecuteAsync("UPDATE api_tokens SET last_used_utc = @now WHERE id = @id AND (last_used_utc IS NULL OR last_used_utc < @minuteAgo)",
            new { now, id, minuteAgo = now - 60_000 });
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Name { get; set; } = "";
        public long CreatedUtc { get; set; }
        public long ExpiresUtc { get; set; }
        public long? RevokedUtc { get; set; }
        public long? LastUsedUtc { get; set; }
    }
}
