namespace OrchardSpbe.Security;

/// <summary>Who a tenant's users are, for modules that address people (workflows, notifications) without knowing the Users module.</summary>
public interface ITenantUsers
{
    /// <summary>The names of the tenant's roles.</summary>
    Task<IReadOnlyList<string>> RoleNamesAsync();

    Task<UserContact?> FindAsync(string userName);

    /// <summary>Enabled users holding at least one of the roles.</summary>
    Task<IReadOnlyList<UserContact>> InRolesAsync(IReadOnlyCollection<string> roles);
}

public sealed record UserContact(string UserName, string DisplayName, string Email, bool IsEnabled);
