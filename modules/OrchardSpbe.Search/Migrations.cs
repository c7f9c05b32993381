using OrchardSpbe.Data;

namespace OrchardSpbe.Search;

/// <summary>The tenant's search change log (<see cref="SearchChangeLog"/>) and, on the portal, the city's roots; the indexes themselves live on each node's disk.</summary>
public sealed class Migrations : DataMigration
{
    public override string FeatureId => Manifest.FeatureId;

    public override IReadOnlyList<Func<MigrationContext, Task>> Steps { get; } =
    [
        async db => await db.ExecuteAsync($"""
            CREATE TABLE {SearchChangeLog.Table} (seq {db.Dialect.Identity}, item_id TEXT NOT NULL, created_utc {db.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_search_changes_created ON {SearchChangeLog.Table} (created_utc);
            """),
        // The roots the city adds to the stemmer's dictionary (used on the portal only: Stemming/CityRoots.cs).
        async db => await db.ExecuteAsync($"CREATE TABLE {Stemming.CityRootsStore.Table} (word TEXT NOT NULL PRIMARY KEY)"),
    ];
}
