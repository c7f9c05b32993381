using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Api;

public sealed record ApiToken(string Id, string UserName, string Name, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, DateTimeOffset? RevokedUtc, DateTimeOffset? LastUsedUtc)
{
    public bool IsActive(DateTimeOffset now) => RevokedUtc is null && ExpiresUtc > now;
}

/// <summary>
/// API tokens for CKAN clients (the <c>Authorization</c> or <c>X-CKAN-API-Key</c> header): each user creates and revokes
/// their own in the admin; the token is shown once and only its SHA-256 is stored; it has an expiry; it is looked up
/// in this tenant's store only, so a PD's token means nothing on another site. A valid token signs the request in as
/// its user with the roles the user holds now (a disabled user's token stops working).
/// </summary>
public sealed class ApiTokens(TenantSession session, TenantContext tenant, ITenantUsers users, AuditLog audit, TimeProvider clock, Sharing.ShareRequests shares)
{
    public const int MaxDays = 365;

    public async Task<(string Token, ApiToken Record)> CreateAsync(string userName, string name, int days)
    {
        var secret = "spbe_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var record = new ApiToken(Guid.NewGuid().ToString("N"), userName, name, now, now.AddDays(days), null, null);
        await session.ExecuteAsync("""
            INSERT INTO ds_api_tokens (id, user_name, name, hash, created_utc, expires_utc) VALUES (@id, @user, @name, @hash, @created, @expires)
            """, new { id = record.Id, user = userName, name, hash = Hash(secret), created = UnixTime.Ms(now), expires = UnixTime.Ms(record.ExpiresUtc) });
        await audit.RecordAsync("api-token.create", record.Id, name, userName);
        return (secret, record);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userName) =>
        (await session.QueryAsync<Row>("""
            SELECT id AS Id, user_name AS UserName, name AS Name, created_utc AS CreatedUtc, expires_utc AS ExpiresUtc, revoked_utc AS RevokedUtc, last_used_utc AS LastUsedUtc
            FROM ds_api_tokens WHERE user_name = @userName ORDER BY created_utc DESC
            """, new { userName })).Select(r => new ApiToken(r.Id, r.UserName, r.Name, UnixTime.FromMs(r.CreatedUtc), UnixTime.FromMs(r.ExpiresUtc),
                r.RevokedUtc is { } revoked ? UnixTime.FromMs(revoked) : null, r.LastUsedUtc is { } used ? UnixTime.FromMs(used) : null)).ToList();

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

    public async Task<bool> RevokeAsync(string id, string userName)
    {
        var revoked = await session.ExecuteAsync("UPDATE ds_api_tokens SET revoked_utc = @now WHERE id = @id AND user_name = @userName AND revoked_utc IS NULL",
            new { now = UnixTime.Ms(clock.GetUtcNow()), id, userName }) == 1;
        if (revoked) await audit.RecordAsync("api-token.revoke", id, null, userName);
        return revoked;
    }

    /// <summary>The principal a header's token stands for; null when it is unknown, expired, revoked or its user disabled.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string presented)
    {
        var token = presented.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? presented[7..].Trim() : presented.Trim();
        if (token.Length is 0 or > 200) return null;
        // Another PD's access to one dataset, granted on its request (003 Pasal 10(1)) and valid until the period ends.
        if (token.StartsWith(Sharing.ShareRequests.TokenPrefix, StringComparison.Ordinal))
            return await shares.GrantOfAsync(token) is { } grant ? Sharing.ShareClaims.Principal(grant.DatasetId, grant.Requester, grant.RequestId, tenant.Name) : null;
        var now = clock.GetUtcNow();
        var found = await session.QuerySingleOrDefaultAsync<Row>(
            "SELECT id AS Id, user_name AS UserName FROM ds_api_tokens WHERE hash = @hash AND revoked_utc IS NULL AND expires_utc > @now",
            new { hash = Hash(token), now = UnixTime.Ms(now) });
        if (found is null || await users.FindAsync(found.UserName) is not { IsEnabled: true } user) return null;
        await session.ExecuteAsync("UPDATE ds_api_tokens SET last_used_utc = @now WHERE id = @id", new { now = UnixTime.Ms(now), id = found.Id });
        var roles = new List<string>();
        foreach (var role in await users.RoleNamesAsync())
            if ((await users.InRolesAsync([role])).Any(u => u.UserName == user.UserName)) roles.Add(role);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName), new(PermissionHandler.TenantClaim, tenant.Name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "ApiToken"));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
