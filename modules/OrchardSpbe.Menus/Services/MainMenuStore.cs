using OrchardSpbe.Data;
using OrchardSpbe.Menus.Models;

namespace OrchardSpbe.Menus.Services;

/// <summary>Reads and saves the current tenant's main menu document (optimistic version, like the site settings).</summary>
public sealed class MainMenuStore(DocumentStore documents)
{
    public async Task<(MainMenu Menu, int Version)> GetAsync()
    {
        var (menu, version) = await documents.GetAsync<MainMenu>(MainMenu.DocumentId);
        return (menu ?? new MainMenu(), version);
    }

    /// <summary>False when someone else saved since <paramref name="expectedVersion"/> was read; nothing is written then.</summary>
    public Task<bool> SaveAsync(MainMenu menu, int expectedVersion) => documents.SaveAsync(MainMenu.DocumentId, menu, expectedVersion);
}
