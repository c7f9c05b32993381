using Microsoft.Extensions.Localization;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Modules;

/// <summary>Enables and disables features for the current tenant, running their migrations as they come on.</summary>
public sealed class FeatureManager(
    FeatureCatalog catalog,
    TenantContext tenant,
    TenantSession session,
    MigrationRunner migrations,
    IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlySet<string>> GetEnabledAsync() =>
        (await session.QueryAsync<string>("SELECT feature_id FROM spbe_features")).ToHashSet();

    /// <summary>Enables the features and what they depend on; returns the ids that were newly enabled.</summary>
    public async Task<FeatureChange> EnableAsync(IEnumerable<string> featureIds)
    {
        IReadOnlyList<FeatureDescriptor> wanted;
        try
        {
            wanted = catalog.WithDependencies(featureIds);
        }
        catch (UnknownFeatureException unknown)
        {
            return FeatureChange.Fail(T["Fitur '{0}' tidak dikenal.", unknown.FeatureId]);
        }
        var refused = wanted.FirstOrDefault(f => f.DefaultTenantOnly && !tenant.IsDefault);
        if (refused is not null)
            return FeatureChange.Fail(T["Fitur '{0}' hanya tersedia untuk portal kota.", refused.Name]);

        var enabled = await GetEnabledAsync();
        var toEnable = wanted.Where(f => !enabled.Contains(f.Id)).Select(f => f.Id).ToList();
        if (toEnable.Count == 0) return FeatureChange.Ok([]);

        await using var transaction = await session.BeginTransactionAsync();
        foreach (var id in toEnable)
        {
            await session.ExecuteAsync("INSERT INTO spbe_features (feature_id, enabled_utc) VALUES (@id, @now)",
                new { id, now = UnixTime.Now });
        }
        await migrations.RunAsync(toEnable);
        await transaction.CommitAsync();
        return FeatureChange.Ok(toEnable);
    }

    /// <summary>Disables one feature; refused while another enabled feature needs it. Its data stays.</summary>
    public async Task<FeatureChange> DisableAsync(string featureId)
    {
        var feature = catalog.Find(featureId);
        if (feature is null) return FeatureChange.Fail(T["Fitur '{0}' tidak dikenal.", featureId]);
        if (feature.AlwaysEnabled) return FeatureChange.Fail(T["Fitur '{0}' adalah bagian inti dan tidak dapat dinonaktifkan.", feature.Name]);

        var enabled = await GetEnabledAsync();
        if (!enabled.Contains(featureId)) return FeatureChange.Ok([]);
        var dependents = catalog.DependentsOf(featureId, enabled);
        if (dependents.Count > 0)
        {
            return FeatureChange.Fail(T["Fitur '{0}' masih dibutuhkan oleh: {1}. Nonaktifkan fitur tersebut terlebih dahulu.",
                feature.Name, string.Join(", ", dependents.Select(d => d.Name))]);
        }
        await session.ExecuteAsync("DELETE FROM spbe_features WHERE feature_id = @featureId", new { featureId });
        return FeatureChange.Ok([featureId]);
    }
}

public sealed record FeatureChange(bool Succeeded, IReadOnlyList<string> Changed, string? Error)
{
    public static FeatureChange Ok(IReadOnlyList<string> changed) => new(true, changed, null);
    public static FeatureChange Fail(string error) => new(false, [], error);
}
