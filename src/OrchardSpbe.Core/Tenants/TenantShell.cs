using System.Collections.Concurrent;
using OrchardSpbe.Settings;

namespace OrchardSpbe.Tenants;

/// <summary>
/// A running tenant as the process holds it: its record, enabled features and site settings, plus a
/// small cache modules may fill. A few kilobytes a tenant — no container, no pipeline of its own.
/// A change replaces the shell object whole, which also empties its cache.
/// </summary>
public sealed class TenantShell(TenantRecord record, IReadOnlySet<string> enabledFeatures, SiteSettings settings)
{
    private readonly ConcurrentDictionary<string, object> _cache = new();

    public TenantRecord Record { get; } = record;
    public string Name => Record.Name;
    public IReadOnlySet<string> EnabledFeatures { get; } = enabledFeatures;
    public SiteSettings Settings { get; } = settings;

    public bool IsFeatureEnabled(string featureId) => EnabledFeatures.Contains(featureId);

    /// <summary>Per-tenant data derived from the database (e.g. role permissions), kept until the shell changes.</summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> factory) where T : class
    {
        if (_cache.TryGetValue(key, out var value)) return (T)value;
        var created = await factory();
        return (T)_cache.GetOrAdd(key, created);
    }

    /// <summary>Replaces a cached value after its source changed in this tenant (e.g. content definitions saved).</summary>
    public void Set<T>(string key, T value) where T : class => _cache[key] = value;

    /// <summary>A shell for a tenant whose store is being set up: nothing enabled yet.</summary>
    public static TenantShell ForSetup(TenantRecord record) => new(record, new HashSet<string>(), new SiteSettings { SiteName = record.DisplayName });
}
