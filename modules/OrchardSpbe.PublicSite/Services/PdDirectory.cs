using OrchardSpbe.Content;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Services;

/// <summary>A group of the PD directory: one category ("Dinas") with its address slug ("dinas") and its running sites.</summary>
public sealed record DirectoryGroup(string Category, string Slug, IReadOnlyList<PdSite> Sites);

/// <summary>A running PD site as the portal links to it.</summary>
public sealed record PdSite(string Name, string DisplayName, string Url);

/// <summary>
/// The running PD sites grouped by category, read from the in-memory tenant registry (no database):
/// categories in the order the city lists its government units, then any others alphabetically.
/// </summary>
public sealed class PdDirectory(TenantRegistry registry, TenantUrls urls)
{
    public const string OtherCategory = "Lainnya";

    private static readonly string[] CategoryOrder = ["Sekretariat", "Inspektorat", "Dinas", "Badan", "Kecamatan", "Kelurahan", OtherCategory];

    public IReadOnlyList<DirectoryGroup> Groups() =>
        registry.All
            .Where(t => !t.IsDefault && t.State == TenantState.Running)
            // By slug, so "Dinas" and "dinas " typed by two administrators are one group with one address.
            .GroupBy(t => Slug(CategoryOf(t)))
            .Select(g => (Category: CategoryOf(g.First()), Slug: g.Key, Sites: g))
            .OrderBy(g => Array.IndexOf(CategoryOrder, g.Category) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Category, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DirectoryGroup(g.Category, g.Slug,
                g.Sites.OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase).Select(t => new PdSite(t.Name, t.DisplayName, urls.RootOf(t))).ToList()))
            .ToList();

    /// <summary>
    /// The group at a category slug, in any letter case (the page cache treats paths case-insensitively, so
    /// the page must too); null for an unknown or malformed slug.
    /// </summary>
    public DirectoryGroup? Find(string? slug) =>
        string.IsNullOrEmpty(slug) || slug.Length > 80 ? null : Groups().FirstOrDefault(g => string.Equals(g.Slug, slug, StringComparison.OrdinalIgnoreCase));


    /// <summary>"Dinas" → "dinas", "Sekretariat DPRD" → "sekretariat-dprd".</summary>
    public static string Slug(string category) => Slugs.FromText(category) is { Length: > 0 } slug ? slug : "lainnya";

    // A category typed with stray spaces or none at all still lands in one group.
    private static string CategoryOf(TenantRecord tenant) =>
        string.IsNullOrWhiteSpace(tenant.Category) ? OtherCategory : tenant.Category.Trim();
}
