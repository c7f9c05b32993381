using OrchardSpbe.Data;
using OrchardSpbe.Security;

namespace OrchardSpbe.Users.Services;

/// <summary>The tenant's users and roles as other modules see them (<see cref="ITenantUsers"/>).</summary>
public sealed class TenantUsers(TenantSession session) : ITenantUsers
{
    private const string Contact = "user_name AS UserName, display_name AS DisplayName, email AS Email, is_enabled AS IsEnabled";

    public async Task<IReadOnlyList<string>> RoleNamesAsync() =>
        (await session.QueryAsync<string>("SELECT name FROM roles ORDER BY name")).ToList();

    public async Task<UserContact?> FindAsync(string userName) =>
        (await session.QueryAsync<ContactRow>($"SELECT {Contact} FROM users WHERE normalized_user_name = @name",
            new { name = userName.ToUpperInvariant() })).Select(r => r.ToContact()).FirstOrDefault();

    public async Task<IReadOnlyList<UserContact>> InRolesAsync(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) return [];
        var rows = await session.QueryAsync<ContactRow>($"""
            SELECT {Contact} FROM users WHERE is_enabled = TRUE AND id IN (
                SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                WHERE {session.Dialect.InList("r.normalized_name", "roles")})
            ORDER BY normalized_user_name
            """, new { roles = roles.Select(r => r.ToUpperInvariant()).ToArray() });
        return rows.Select(r => r.ToContact()).ToList();
    }

    private sealed class ContactRow
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public bool IsEnabled { get; set; }
        public UserContact ToContact() => new(UserName, DisplayName, Email, IsEnabled);
    }
}
