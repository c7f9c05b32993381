using System.Security.Claims;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Sharing;

/// <summary>
/// Another PD's access token to one dataset (<c>spbe_akses_…</c>), granted on its request (003 Pasal 10(1)) and valid
/// until the period ends. Its principal holds no role, so outside the dataset it names it is worth nothing.
/// </summary>
public sealed class ShareTokenResolver(ShareRequests shares, TenantContext tenant) : IApiTokenResolver
{
    public string Prefix => ShareRequests.TokenPrefix;

    public async Task<ClaimsPrincipal?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        if (!tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return null; // no grants table where open data is off
        return await shares.GrantOfAsync(token) is { } grant ? ShareClaims.Principal(grant.DatasetId, grant.Requester, grant.RequestId, tenant.Name) : null;
    }
}
