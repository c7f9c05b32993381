using System.Security.Claims;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Modules;

/// <summary>The admin menu the signed-in user sees: entries of enabled features whose permission they hold.</summary>
public sealed class AdminMenuBuilder(IEnumerable<AdminMenuItem> items, TenantContext tenant, PermissionHandler permissions)
{
    public async Task<IReadOnlyList<AdminMenuItem>> BuildAsync(ClaimsPrincipal user)
    {
        var visible = new List<AdminMenuItem>();
        foreach (var item in items.OrderBy(i => i.Order).ThenBy(i => i.Text))
        {
            if (!tenant.Shell.IsFeatureEnabled(item.FeatureId)) continue;
            if (item.Sites == AdminMenuSites.Portal && !tenant.IsDefault || item.Sites == AdminMenuSites.PdSites && tenant.IsDefault) continue;
            if (item.Permission is not null && !await permissions.HasPermissionAsync(user, item.Permission)) continue;
            visible.Add(item);
        }
        return visible;
    }
}
