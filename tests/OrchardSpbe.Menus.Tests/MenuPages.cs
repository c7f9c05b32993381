using AngleSharp.Dom;

namespace OrchardSpbe.Menus.Tests;

/// <summary>Reading menus the way people see them: the public header and the admin's tree.</summary>
internal static class MenuPages
{
    public sealed record Entry(string Text, string? Href, IReadOnlyList<(string Text, string Href)> Children);

    /// <summary>The header menu as the wide-screen bar shows it: top-level entries in order, each with its dropdown.</summary>
    public static IReadOnlyList<Entry> PublicMenu(Page page) => page.Document
        .QuerySelectorAll("nav.site-nav .nav-wide .menu > li")
        .Select(li => li.QuerySelector(":scope > details > summary") is { } summary
            ? new Entry(summary.TextContent.Trim(), null,
                li.QuerySelectorAll(".submenu a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList())
            : new Entry(li.QuerySelector("a")!.TextContent.Trim(), li.QuerySelector("a")!.GetAttribute("href"), []))
        .ToList();

    public static IReadOnlyList<string> TopLevelTexts(Page page) => PublicMenu(page).Select(e => e.Text).ToList();

    /// <summary>The id of the admin tree's entry with this text (the forms and links are keyed by it).</summary>
    public static string IdOf(Page adminIndex, string text)
    {
        var item = adminIndex.Document.QuerySelectorAll("li[data-menu-item]")
            .FirstOrDefault(li => li.QuerySelector(".tree-text")?.TextContent.Trim() == text)
            ?? throw new InvalidOperationException($"No menu entry '{text}' in the admin: {string.Join(", ", adminIndex.Document.QuerySelectorAll(".tree-text").Select(e => e.TextContent))}");
        return item.GetAttribute("data-menu-item")!;
    }
}
