namespace OrchardSpbe.Navigation;

/// <summary>
/// The current tenant's main navigation, as the site theme renders it. The Menus module implements it;
/// without that module (or with its feature off) the menu is empty and the theme shows only "Beranda".
/// </summary>
public interface ISiteMenu
{
    Task<IReadOnlyList<MenuLink>> GetMainMenuAsync(CancellationToken cancellationToken = default);
}

/// <summary>One entry of a menu: a link (site-relative like "/profil", or absolute) with optional children.</summary>
public sealed record MenuLink(string Text, string Url, IReadOnlyList<MenuLink> Children)
{
    public MenuLink(string text, string url) : this(text, url, []) { }
}

/// <summary>The menu of a site without the Menus feature.</summary>
public sealed class EmptySiteMenu : ISiteMenu
{
    public Task<IReadOnlyList<MenuLink>> GetMainMenuAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MenuLink>>([]);
}
