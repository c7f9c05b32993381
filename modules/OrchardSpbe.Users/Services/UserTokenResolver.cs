using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OrchardSpbe.Security;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>
/// A user's own API token stands for that user with the claims their cookie would carry now (roles, tenant, name): a
/// role taken away or the user disabled takes effect at the next request.
/// </summary>
public sealed class UserTokenResolver(ApiTokenStore tokens, UserManager<SpbeUser> users, IUserClaimsPrincipalFactory<SpbeUser> principals) : IApiTokenResolver
{
    public string Prefix => "";

    public async Task<ClaimsPrincipal?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        if (await tokens.FindActiveAsync(token) is not { } found) return null;
        if (await users.FindByNameAsync(found.UserName) is not { IsEnabled: true } user) return null;
        await tokens.MarkUsedAsync(found.Id);
        var cookieLike = await principals.CreateAsync(user);
        return new ClaimsPrincipal(new ClaimsIdentity(cookieLike.Claims, ApiTokenHandler.SchemeName));
    }
}
