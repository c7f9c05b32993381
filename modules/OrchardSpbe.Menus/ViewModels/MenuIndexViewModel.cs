using OrchardSpbe.Menus.Models;

namespace OrchardSpbe.Menus.ViewModels;

public sealed class MenuIndexViewModel
{
    public required MainMenu Menu { get; init; }

    /// <summary>The document version every change form posts back, so a stale page changes nothing.</summary>
    public required int Version { get; init; }
}
