namespace OrchardSpbe.Data;

/// <summary>
/// A feature's schema, as numbered steps. Step N runs once per tenant when the feature is enabled
/// or the module is upgraded, in the same transaction as whatever enabled it, on either provider.
/// </summary>
public abstract class DataMigration
{
    public abstract string FeatureId { get; }

    /// <summary>Steps in order; step 1 creates, later steps update. Never edit a shipped step: add one.</summary>
    public abstract IReadOnlyList<Func<MigrationContext, Task>> Steps { get; }
}

public sealed class MigrationContext(TenantSession session)
{
    public SqlDialect Dialect => session.Dialect;
    public Task<int> ExecuteAsync(string sql, object? parameters = null) => session.ExecuteAsync(sql, parameters);
}
