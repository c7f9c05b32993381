using Microsoft.Extensions.Logging;

namespace OrchardSpbe.Data;

/// <summary>Brings a tenant's store up to date: the framework's own tables, then each enabled feature's pending steps.</summary>
public sealed class MigrationRunner(IEnumerable<DataMigration> migrations, TenantSession session, ILogger<MigrationRunner> logger)
{
    /// <summary>Runs the pending steps of the framework and the given features; returns how many ran.</summary>
    public async Task<int> RunAsync(IEnumerable<string> featureIds)
    {
        await session.ExecuteAsync("CREATE TABLE IF NOT EXISTS spbe_migrations (feature_id TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        var applied = (await session.QueryAsync<AppliedMigration>(
            "SELECT feature_id AS FeatureId, version AS Version FROM spbe_migrations"))
            .ToDictionary(row => row.FeatureId, row => row.Version);
        var wanted = featureIds.Append(FrameworkMigrations.Id).ToHashSet(StringComparer.Ordinal);
        var ran = 0;
        // The framework's tables come first: features may refer to them.
        foreach (var migration in migrations.Where(m => wanted.Contains(m.FeatureId)).OrderBy(m => m.FeatureId != FrameworkMigrations.Id))
        {
            var current = applied.GetValueOrDefault(migration.FeatureId);
            if (migration.Steps.Count <= current) continue;
            for (var step = (int)current; step < migration.Steps.Count; step++)
            {
                logger.LogInformation("Migrating {Feature} to version {Version}", migration.FeatureId, step + 1);
                await migration.Steps[step](new MigrationContext(session));
                ran++;
            }
            var parameters = new { id = migration.FeatureId, version = migration.Steps.Count };
            await session.ExecuteAsync(current == 0
                ? "INSERT INTO spbe_migrations (feature_id, version) VALUES (@id, @version)"
                : "UPDATE spbe_migrations SET version = @version WHERE feature_id = @id", parameters);
        }
        return ran;
    }

    /// <summary>
    /// A store as a backup left it (issue 12 §1): each feature's steps up to the version the backup records, so the
    /// restored rows fit; the steps after it run as usual when the tenant's shell starts.
    /// </summary>
    public async Task RunToAsync(IReadOnlyDictionary<string, int> versions)
    {
        await session.ExecuteAsync("CREATE TABLE IF NOT EXISTS spbe_migrations (feature_id TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        foreach (var migration in migrations.Where(m => versions.ContainsKey(m.FeatureId)).OrderBy(m => m.FeatureId != FrameworkMigrations.Id))
        {
            var target = Math.Min(versions[migration.FeatureId], migration.Steps.Count);
            for (var step = 0; step < target; step++) await migration.Steps[step](new MigrationContext(session));
        }
    }

    private sealed class AppliedMigration
    {
        public string FeatureId { get; set; } = "";
        public long Version { get; set; }
    }
}
