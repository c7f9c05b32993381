using Microsoft.AspNetCore.Identity;
using OrchardSpbe.Data;
using OrchardSpbe.Security;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>Lists and counts users for the admin, and guards the last administrator.</summary>
public sealed class UserDirectory(TenantSession session, UserManager<SpbeUser> users)
{
    public async Task<(IReadOnlyList<SpbeUser> Users, long Total)> SearchAsync(string? query, int page, int pageSize)
    {
        var filter = string.IsNullOrWhiteSpace(query) ? "" : "WHERE normalized_user_name LIKE @pattern OR normalized_email LIKE @pattern OR UPPER(display_name) LIKE @pattern";
        var parameters = new { pattern = "%" + (query ?? "").Trim().ToUpperInvariant() + "%", take = pageSize, skip = (page - 1) * pageSize };
        var total = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM users {filter}", parameters);
        var rows = await session.QueryAsync<SpbeUser>($"SELECT * FROM users {filter} ORDER BY normalized_user_name LIMIT @take OFFSET @skip", parameters);
        return (rows.ToList(), total);
    }

    public async Task<long> CountAsync() => await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users");

    /// <summary>True when the user is the only enabled administrator left: disabling, demoting or deleting them is refused.</summary>
    public async Task<bool> IsLastAdministratorAsync(SpbeUser user)
    {
        if (!user.IsEnabled || !await users.IsInRoleAsync(user, StandardRoles.Administrator)) return false;
        var admins = await users.GetUsersInRoleAsync(StandardRoles.Administrator);
        return admins.Count(a => a.IsEnabled) <= 1;
    }
}
