using OrchardSpbe.PublicSite.Services;
using OrchardSpbe.Settings;

namespace OrchardSpbe.PublicSite.ViewModels;

/// <summary>The city portal's home: the latest news and the coming agenda of every PD, and the PD directory.</summary>
public sealed class PortalHomeViewModel
{
    public required SiteSettings Settings { get; init; }
    public required IReadOnlyList<CatalogCard> News { get; init; }
    public required IReadOnlyList<CatalogCard> Agenda { get; init; }

    /// <summary>Running PD sites grouped by category, in the portal's category order.</summary>
    public required IReadOnlyList<DirectoryGroup> Directory { get; init; }
}

/// <summary>A PD's home: its name and contact, its latest news and coming agenda.</summary>
public sealed class PdHomeViewModel
{
    public required SiteSettings Settings { get; init; }
    public required IReadOnlyList<CatalogCard> News { get; init; }
    public required IReadOnlyList<CatalogCard> Agenda { get; init; }
}

/// <summary>One page of a portal list (news, agenda): its cards and the links to its other pages.</summary>
public sealed class CatalogListViewModel
{
    public required string Title { get; init; }
    public required CardPage Page { get; init; }

    /// <summary>The list's own address without ?page= ("/berita"), for the pagination links.</summary>
    public required string BasePath { get; init; }
}

public sealed class CategoryViewModel
{
    public required DirectoryGroup Group { get; init; }
}

public sealed class DirectoryViewModel
{
    public required IReadOnlyList<DirectoryGroup> Groups { get; init; }
}
