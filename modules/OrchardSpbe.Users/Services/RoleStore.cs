using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OrchardSpbe.Data;
using OrchardSpbe.Security;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>Roles and their permission claims in the current tenant's database.</summary>
public sealed class RoleStore(TenantSession session, IdentityErrorDescriber describer) : IRoleClaimStore<SpbeRole>, IRolePermissionSource
{
    private const string Columns = "id, name, normalized_name, description, concurrency_stamp";

    public async Task<IdentityResult> CreateAsync(SpbeRole role, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync($"INSERT INTO roles ({Columns}) VALUES (@Id, @Name, @NormalizedName, @Description, @ConcurrencyStamp)", role);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(SpbeRole role, CancellationToken cancellationToken)
    {
        var expected = role.ConcurrencyStamp;
        role.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var updated = await session.ExecuteAsync("""
            UPDATE roles SET name = @Name, normalized_name = @NormalizedName, description = @Description,
                concurrency_stamp = @ConcurrencyStamp WHERE id = @Id AND concurrency_stamp = @expected
            """, new { role.Name, role.NormalizedName, role.Description, role.ConcurrencyStamp, role.Id, expected });
        if (updated == 1) return IdentityResult.Success;
        role.ConcurrencyStamp = expected;
        return IdentityResult.Failed(describer.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(SpbeRole role, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("DELETE FROM role_claims WHERE role_id = @Id", role);
        await session.ExecuteAsync("DELETE FROM user_roles WHERE role_id = @Id", role);
        await session.ExecuteAsync("DELETE FROM roles WHERE id = @Id", role);
        return IdentityResult.Success;
    }

    public Task<SpbeRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SpbeRole>($"SELECT {Columns} FROM roles WHERE id = @roleId", new { roleId });

    public Task<SpbeRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SpbeRole>($"SELECT {Columns} FROM roles WHERE normalized_name = @normalizedRoleName", new { normalizedRoleName });

    public async Task<IReadOnlyList<SpbeRole>> ListAsync() =>
        (await session.QueryAsync<SpbeRole>($"SELECT {Columns} FROM roles ORDER BY name")).ToList();

    public Task<string?> GetNormalizedRoleNameAsync(SpbeRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.NormalizedName);
    public Task<string> GetRoleIdAsync(SpbeRole role, CancellationToken cancellationToken) => Task.FromResult(role.Id);
    public Task<string?> GetRoleNameAsync(SpbeRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    public Task SetNormalizedRoleNameAsync(SpbeRole role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetRoleNameAsync(SpbeRole role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName ?? "";
        return Task.CompletedTask;
    }

    public async Task<IList<Claim>> GetClaimsAsync(SpbeRole role, CancellationToken cancellationToken = default) =>
        (await session.QueryAsync<(string Type, string Value)>(
            "SELECT claim_type, claim_value FROM role_claims WHERE role_id = @Id ORDER BY claim_value", role))
        .Select(c => new Claim(c.Type, c.Value)).ToList();

    public Task AddClaimAsync(SpbeRole role, Claim claim, CancellationToken cancellationToken = default) =>
        session.ExecuteAsync("INSERT INTO role_claims (role_id, claim_type, claim_value) VALUES (@roleId, @type, @value)",
            new { roleId = role.Id, type = claim.Type, value = claim.Value });

    public Task RemoveClaimAsync(SpbeRole role, Claim claim, CancellationToken cancellationToken = default) =>
        session.ExecuteAsync("DELETE FROM role_claims WHERE role_id = @roleId AND claim_type = @type AND claim_value = @value",
            new { roleId = role.Id, type = claim.Type, value = claim.Value });

    /// <summary>Replaces a role's granted permissions in one go.</summary>
    public async Task SetPermissionsAsync(SpbeRole role, IEnumerable<string> permissions)
    {
        await session.ExecuteAsync("DELETE FROM role_claims WHERE role_id = @Id AND claim_type = @type", new { role.Id, type = SpbeRole.PermissionClaim });
        foreach (var permission in permissions.Distinct())
            await AddClaimAsync(role, new Claim(SpbeRole.PermissionClaim, permission));
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LoadAsync()
    {
        var rows = await session.QueryAsync<(string Role, string Permission)>("""
            SELECT r.name, c.claim_value FROM role_claims c JOIN roles r ON r.id = c.role_id WHERE c.claim_type = @type
            """, new { type = SpbeRole.PermissionClaim });
        return rows.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Permission).ToHashSet());
    }

    public void Dispose()
    {
    }
}
