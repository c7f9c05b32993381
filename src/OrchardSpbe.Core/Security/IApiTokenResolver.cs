using System.Security.Claims;

namespace OrchardSpbe.Security;

/// <summary>
/// Who a token presented to an API stands for, in the request's tenant only (a PD's token means nothing on another
/// site). The Users module resolves the users' own tokens (any prefix); a module may add a resolver for tokens of its
/// own kind, recognised by their prefix (the longest matching prefix wins).
/// </summary>
public interface IApiTokenResolver
{
    /// <summary>The start of the tokens this resolver reads; empty for "any token no other resolver claims".</summary>
    string Prefix { get; }

    /// <summary>The principal (carrying <see cref="PermissionHandler.TenantClaim"/>); null when the token is unknown, expired, revoked or its user disabled.</summary>
    Task<ClaimsPrincipal?> ResolveAsync(string token, CancellationToken cancellationToken);
}
