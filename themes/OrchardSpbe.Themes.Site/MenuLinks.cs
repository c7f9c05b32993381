using Microsoft.AspNetCore.Http;
using OrchardSpbe.Navigation;

namespace OrchardSpbe.Themes.Site;

/// <summary>How the header menu turns stored links into hrefs and knows the page it is on.</summary>
public static class MenuLinks
{
    /// <summary>Site-relative links get the tenant's path base (a PD served under a URL prefix); absolute ones stay.</summary>
    public static string Href(string url, PathString pathBase) =>
        url.StartsWith('/') ? pathBase.Add(new PathString(PathOnly(url))) + QueryAndFragment(url) : url;

    /// <summary>True when the link points at the requested page (ignoring a trailing slash and letter case).</summary>
    public static bool IsCurrent(MenuLink link, PathString path) =>
        link.Url.StartsWith('/') && string.Equals(Trim(PathOnly(link.Url)), Trim(path.Value ?? "/"), StringComparison.OrdinalIgnoreCase);

    /// <summary>The current page is this entry or one of its children: its section is highlighted.</summary>
    public static bool ContainsCurrent(MenuLink link, PathString path) =>
        IsCurrent(link, path) || link.Children.Any(c => IsCurrent(c, path));

    /// <summary>
    /// A parent's own page is listed first in its dropdown (a disclosure button cannot also be a link),
    /// unless one of its children already links there.
    /// </summary>
    public static IEnumerable<MenuLink> DropdownOf(MenuLink parent) =>
        parent.Children.Any(c => c.Url == parent.Url) ? parent.Children : parent.Children.Prepend(new MenuLink(parent.Text, parent.Url));

    private static string PathOnly(string url) => url.Split('?', '#')[0];

    private static string QueryAndFragment(string url) => url[PathOnly(url).Length..];

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
