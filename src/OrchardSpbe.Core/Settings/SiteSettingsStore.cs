using OrchardSpbe.Data;

namespace OrchardSpbe.Settings;

/// <summary>Reads and saves the current tenant's site settings document.</summary>
public sealed class SiteSettingsStore(DocumentStore documents)
{
    public async Task<(SiteSettings Settings, int Version)> GetAsync(string fallbackName)
    {
        var (settings, version) = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentId);
        return (settings ?? new SiteSettings { SiteName = fallbackName }, version);
    }

    /// <summary>False when someone else saved since <paramref name="expectedVersion"/> was read.</summary>
    public Task<bool> SaveAsync(SiteSettings settings, int expectedVersion) =>
        documents.SaveAsync(SiteSettings.DocumentId, settings, expectedVersion);
}
