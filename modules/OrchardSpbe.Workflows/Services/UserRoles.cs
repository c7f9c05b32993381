using System.Security.Claims;

namespace OrchardSpbe.Workflows;

/// <summary>The role names a signed-in user holds, from the role claims of each of their identities.</summary>
public static class UserRoles
{
    public static IReadOnlyList<string> Of(ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
