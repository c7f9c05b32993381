using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Services;

/// <summary>Identity's sign-in, refusing accounts an administrator has disabled.</summary>
public sealed class SpbeSignInManager(
    UserManager<SpbeUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<SpbeUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<SpbeUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SpbeUser> confirmation)
    : SignInManager<SpbeUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SpbeUser user) => user.IsEnabled && await base.CanSignInAsync(user);
}
