using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>
/// The signed-in principal: user, role names and its tenant — a ticket is honoured only on the tenant
/// that issued it. Permissions stay out of the cookie; they are looked up per tenant from the roles.
/// </summary>
public sealed class TenantClaimsPrincipalFactory(UserManager<SpbeUser> users, IOptions<IdentityOptions> options, TenantContext tenant)
    : UserClaimsPrincipalFactory<SpbeUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SpbeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in await UserManager.GetRolesAsync(user))
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        identity.AddClaim(new Claim(PermissionHandler.TenantClaim, tenant.Name));
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName));
        return identity;
    }

    public const string DisplayNameClaim = "spbe:display_name";
}
