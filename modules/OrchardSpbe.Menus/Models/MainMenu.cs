namespace OrchardSpbe.Menus.Models;

/// <summary>
/// A site's main menu, stored whole as one tenant document: top-level entries, each with optional
/// children (two levels — what a header menu shows well, also on a phone).
/// </summary>
public sealed class MainMenu
{
    public const string DocumentId = "main-menu";

    public List<MenuEntry> Items { get; set; } = [];

    /// <summary>The entry with this id and the list it sits in (the top level or its parent's children).</summary>
    public (MenuEntry Entry, List<MenuEntry> Siblings, MenuEntry? Parent)? Find(string id)
    {
        foreach (var item in Items)
        {
            if (item.Id == id) return (item, Items, null);
            var child = item.Children.FirstOrDefault(c => c.Id == id);
            if (child is not null) return (child, item.Children, item);
        }
        return null;
    }

    public MenuEntry? TopLevel(string? id) => id is null ? null : Items.FirstOrDefault(i => i.Id == id);

    /// <summary>Moves the entry one place up (-1) or down (+1) among its siblings; false at either end.</summary>
    public bool Move(string id, int step)
    {
        if (Find(id) is not (var entry, var siblings, _)) return false;
        var from = siblings.IndexOf(entry);
        var to = from + step;
        if (to < 0 || to >= siblings.Count) return false;
        siblings.RemoveAt(from);
        siblings.Insert(to, entry);
        return true;
    }

    /// <summary>Puts the entry at the end of the top level or of a top-level entry's children.</summary>
    public void Place(MenuEntry entry, MenuEntry? parent)
    {
        if (Find(entry.Id) is (_, var oldSiblings, var oldParent))
        {
            if (oldParent == parent) return;
            oldSiblings.Remove(entry);
        }
        (parent?.Children ?? Items).Add(entry);
    }

    public void Remove(string id)
    {
        if (Find(id) is (var entry, var siblings, _)) siblings.Remove(entry);
    }
}

public sealed class MenuEntry
{
    public string Id { get; set; } = NewId();
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
    public List<MenuEntry> Children { get; set; } = [];

    // Short, URL-safe and unique within one menu: it only names an entry in admin forms.
    public static string NewId() => Guid.NewGuid().ToString("N")[..10];
}
