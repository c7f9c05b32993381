using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// What this reader, on this site, searches: a PD site its own index; the city portal every running PD's
/// (and its own). The public finds published documents only; a signed-in user who may edit content also finds
/// drafts of this tenant — all of them with EditContent, their own with EditOwnContent — and never another
/// tenant's (sign-ins are per tenant). Decided in the query's filter, not by dropping hits afterwards.
/// </summary>
public sealed class SearchReader(TenantContext tenant, ShellHost shells, IAuthorizationService authorization)
{
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";

    // The portal's whole list per list of running shells (kept by the shell host until a tenant or shell changes):
    // one instance per change, so the search's result cache keys it once (ResultCache.KeyOf) rather than per request.
    private static readonly ConditionalWeakTable<IReadOnlyList<TenantShell>, IReadOnlyList<TenantShell>> Searched = new();

    public async Task<IReadOnlyList<TenantShell>> TenantsAsync(string? pd = null, string? category = null)
    {
        if (!tenant.IsDefault) return [tenant.Shell];
        var running = await shells.RunningAsync();
        if (pd is not { Length: > 0 } && category is not { Length: > 0 }) return Searched.GetValue(running, list => Searchable(list, null, null));
        return Searchable(running, pd, category);
    }

    private static List<TenantShell> Searchable(IReadOnlyList<TenantShell> running, string? pd, string? category) =>
        running
            .Where(s => s.IsFeatureEnabled(Manifest.FeatureId))
            .Where(s => pd is not { Length: > 0 } || s.Name == pd)
            .Where(s => category is not { Length: > 0 } || string.Equals(s.Record.Category, category, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    public async Task<SearchRequest> RequestAsync(ClaimsPrincipal user, UserQuery query, int page, SearchSort sort, string? pd, string? category, string? type)
    {
        string? draftTenant = null, draftOwner = null;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (await HasAsync(user, EditContent)) draftTenant = tenant.Name;
            else if (await HasAsync(user, EditOwnContent) && user.Identity.Name is { } name)
            {
                draftTenant = tenant.Name;
                draftOwner = name;
            }
        }
        return new SearchRequest
        {
            Query = query, Tenants = await TenantsAsync(pd, category), Portal = tenant.IsDefault, DraftTenant = draftTenant, DraftOwner = draftOwner,
            Type = type, Sort = sort, Page = page,
        };
    }

    private async Task<bool> HasAsync(ClaimsPrincipal user, string permission) =>
        (await authorization.AuthorizeAsync(user, RequirePermissionAttribute.PolicyPrefix + permission)).Succeeded;
}
