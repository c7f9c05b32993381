using OrchardSpbe.Menus.Models;
using OrchardSpbe.Navigation;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Menus.Services;

/// <summary>
/// The menu the site theme renders. Read once per shell and kept in its cache: a page costs no query,
/// and a menu change (ShellChanged) replaces the shell, which drops the cached menu on every node.
/// </summary>
public sealed class SiteMenu(TenantContext tenant, MainMenuStore store) : ISiteMenu
{
    private const string CacheKey = "menus:main";

    public async Task<IReadOnlyList<MenuLink>> GetMainMenuAsync(CancellationToken cancellationToken = default)
    {
        if (!tenant.HasTenant || !tenant.Shell.IsFeatureEnabled(Manifest.FeatureId)) return [];
        return await tenant.Shell.GetOrAddAsync<IReadOnlyList<MenuLink>>(CacheKey, async () => ToLinks((await store.GetAsync()).Menu.Items));
    }

    private static IReadOnlyList<MenuLink> ToLinks(List<MenuEntry> entries) =>
        entries.Select(e => new MenuLink(e.Text, e.Url, ToLinks(e.Children))).ToList();
}
