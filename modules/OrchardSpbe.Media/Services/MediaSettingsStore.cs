using OrchardSpbe.Data;

namespace OrchardSpbe.Media.Services;

/// <summary>The current tenant's <see cref="MediaSettings"/>; the defaults until an administrator saves them.</summary>
public sealed class MediaSettingsStore(DocumentStore documents)
{
    public async Task<(MediaSettings Settings, int Version)> GetAsync()
    {
        var (settings, version) = await documents.GetAsync<MediaSettings>(MediaSettings.DocumentId);
        return (settings ?? new MediaSettings(), version);
    }

    /// <summary>False when someone saved since <paramref name="expectedVersion"/> was read.</summary>
    public Task<bool> SaveAsync(MediaSettings settings, int expectedVersion) =>
        documents.SaveAsync(MediaSettings.DocumentId, settings, expectedVersion);
}
