namespace OrchardSpbe.Data;

/// <summary>
/// Benchmarks only (Spbe:BenchUpgradeStep): the framework's migration with one more step — a table nobody uses — so the
/// "tenants" bench section can time one new migration reaching every tenant (issue 17 §4). Never registered otherwise.
/// </summary>
public sealed class BenchUpgradeStep(FrameworkMigrations framework) : DataMigration
{
    public const string Table = "spbe_bench_upgrade";

    public override string FeatureId => framework.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
        [.. framework.Steps, async db => await db.ExecuteAsync($"CREATE TABLE {Table} (id INTEGER PRIMARY KEY)")];
}
