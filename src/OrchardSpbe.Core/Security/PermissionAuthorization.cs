using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Security;

/// <summary>[RequirePermission("ManageUsers")] on a controller or action: signed in to this tenant and granted it.</summary>
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public const string PolicyPrefix = "Permission:";

    public RequirePermissionAttribute(string permission) : base(PolicyPrefix + permission)
    {
        Permission = permission;
    }

    public string Permission { get; }
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Makes a policy on the fly for every "Permission:*" name, so modules need not register policies.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[RequirePermissionAttribute.PolicyPrefix.Length..]))
            .Build();
    }
}

/// <summary>
/// Grants a permission when the user belongs to this tenant and one of the user's roles holds it
/// (Administrator holds all). Role grants are read once per shell and cached in it.
/// </summary>
public sealed class PermissionHandler(TenantContext tenant, IEnumerable<IRolePermissionSource> sources)
    : AuthorizationHandler<PermissionRequirement>
{
    public const string TenantClaim = "spbe:tenant";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await HasPermissionAsync(context.User, requirement.Permission)) context.Succeed(requirement);
    }

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission)
    {
        if (!tenant.HasTenant || user.Identity?.IsAuthenticated != true) return false;
        if (user.FindFirstValue(TenantClaim) != tenant.Name) return false;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(StandardRoles.Administrator)) return true;
        var source = sources.FirstOrDefault();
        if (source is null) return false;
        var grants = await tenant.Shell.GetOrAddAsync("role-permissions", source.LoadAsync);
        return roles.Any(role => grants.TryGetValue(role, out var granted) && granted.Contains(permission));
    }
}
