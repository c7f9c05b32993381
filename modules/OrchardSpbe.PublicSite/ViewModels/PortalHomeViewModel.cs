using OrchardSpbe.Settings;

namespace OrchardSpbe.PublicSite.ViewModels;

public sealed record PdSiteLink(string Name, string DisplayName, string Url);

public sealed class PortalHomeViewModel
{
    public required SiteSettings Settings { get; init; }

    /// <summary>Running PD sites grouped by category, in the portal's category order.</summary>
    public required IReadOnlyList<(string Category, IReadOnlyList<PdSiteLink> Sites)> Directory { get; init; }
}
