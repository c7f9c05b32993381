using Microsoft.AspNetCore.Identity;
using OrchardSpbe.Data;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>ASP.NET Core Identity's user store over the current tenant's database (users never leave their tenant).</summary>
public sealed class UserStore(TenantSession session, IdentityErrorDescriber describer) :
    IUserPasswordStore<SpbeUser>,
    IUserSecurityStampStore<SpbeUser>,
    IUserEmailStore<SpbeUser>,
    IUserLockoutStore<SpbeUser>,
    IUserRoleStore<SpbeUser>
{
    private const string Columns = """
        id, user_name, normalized_user_name, email, normalized_email, display_name, password_hash, security_stamp,
        concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, is_enabled, created_utc
        """;

    public async Task<IdentityResult> CreateAsync(SpbeUser user, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync($"""
            INSERT INTO users ({Columns}) VALUES (@Id, @UserName, @NormalizedUserName, @Email, @NormalizedEmail, @DisplayName,
                @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @LockoutEnabled, @LockoutEnd, @AccessFailedCount, @IsEnabled, @CreatedUtc)
            """, new
        {
            user.Id, user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail, user.DisplayName, user.PasswordHash,
            user.SecurityStamp, user.ConcurrencyStamp, user.LockoutEnabled, LockoutEnd = UnixTime.Ms(user.LockoutEnd),
            user.AccessFailedCount, user.IsEnabled, CreatedUtc = UnixTime.Ms(user.CreatedUtc),
        });
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(SpbeUser user, CancellationToken cancellationToken)
    {
        // Optimistic concurrency: the row must still carry the stamp this copy was read with.
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var updated = await session.ExecuteAsync("""
            UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
                normalized_email = @NormalizedEmail, display_name = @DisplayName, password_hash = @PasswordHash,
                security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_enabled = @LockoutEnabled,
                lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount, is_enabled = @IsEnabled
            WHERE id = @Id AND concurrency_stamp = @expected
            """, new
        {
            user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail, user.DisplayName, user.PasswordHash,
            user.SecurityStamp, user.ConcurrencyStamp, user.LockoutEnabled, LockoutEnd = UnixTime.Ms(user.LockoutEnd), user.AccessFailedCount,
            user.IsEnabled, user.Id, expected,
        });
        if (updated == 1) return IdentityResult.Success;
        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(describer.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(SpbeUser user, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @Id", user);
        await session.ExecuteAsync("DELETE FROM users WHERE id = @Id", user);
        return IdentityResult.Success;
    }

    public Task<SpbeUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SpbeUser>($"SELECT {Columns} FROM users WHERE id = @userId", new { userId });

    public Task<SpbeUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SpbeUser>($"SELECT {Columns} FROM users WHERE normalized_user_name = @normalizedUserName", new { normalizedUserName });

    public Task<SpbeUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SpbeUser>($"SELECT {Columns} FROM users WHERE normalized_email = @normalizedEmail", new { normalizedEmail });

    public Task<string> GetUserIdAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(SpbeUser user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(SpbeUser user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task<string?> GetPasswordHashAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);
    public Task SetPasswordHashAsync(SpbeUser user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetSecurityStampAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);
    public Task SetSecurityStampAsync(SpbeUser user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetEmailAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task SetEmailAsync(SpbeUser user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email ?? "");
    public Task<bool> GetEmailConfirmedAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(SpbeUser user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<string?> GetNormalizedEmailAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(SpbeUser user, string? normalizedEmail, CancellationToken cancellationToken) => Set(() => user.NormalizedEmail = normalizedEmail ?? "");

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(SpbeUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(SpbeUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(SpbeUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(SpbeUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public async Task AddToRoleAsync(SpbeUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var roleId = await RoleIdAsync(normalizedRoleName) ?? throw new InvalidOperationException($"Role '{normalizedRoleName}' does not exist.");
        await session.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) VALUES (@userId, @roleId)", new { userId = user.Id, roleId });
    }

    public async Task RemoveFromRoleAsync(SpbeUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var roleId = await RoleIdAsync(normalizedRoleName);
        await session.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @userId AND role_id = @roleId", new { userId = user.Id, roleId });
    }

    public async Task<IList<string>> GetRolesAsync(SpbeUser user, CancellationToken cancellationToken) =>
        (await session.QueryAsync<string>(
            "SELECT r.name FROM roles r JOIN user_roles ur ON ur.role_id = r.id WHERE ur.user_id = @Id ORDER BY r.name", user)).ToList();

    public async Task<bool> IsInRoleAsync(SpbeUser user, string normalizedRoleName, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
            WHERE ur.user_id = @userId AND r.normalized_name = @normalizedRoleName
            """, new { userId = user.Id, normalizedRoleName }) > 0;

    public async Task<IList<SpbeUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken) =>
        (await session.QueryAsync<SpbeUser>($"""
            SELECT {Columns} FROM users WHERE id IN (
                SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.normalized_name = @normalizedRoleName)
            """, new { normalizedRoleName })).ToList();

    private Task<string?> RoleIdAsync(string normalizedRoleName) =>
        session.QuerySingleOrDefaultAsync<string>("SELECT id FROM roles WHERE normalized_name = @normalizedRoleName", new { normalizedRoleName });

    private static Task Set(Action assign)
    {
        assign();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
