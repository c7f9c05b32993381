using Dapper;

namespace OrchardSpbe.Data;

/// <summary>The process-wide Dapper settings every store relies on (set once, before the first query).</summary>
public static class DapperSettings
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1) return;
        SqlMapper.AddTypeHandler(new UnixTimeHandler());
        // Columns are snake_case (user_name), properties PascalCase (UserName).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Issue 17: Dapper keys its generated parameter and row mappers by connection string too, so 1,000 tenant
        // stores (one file or schema each, the same tables) meant 1,000 copies of every mapper, emitted and then
        // collected again when its cache was trimmed: most of the CPU of the background's first pass after start went
        // to emitting and finalizing them (bench/RESULTS.md, issue 17). Every store shares one schema, and Dapper re-checks a row mapper's columns on each read (a tenant
        // behind on its migrations gets its own), so one mapper per query serves them all.
        SqlMapper.ConnectionStringComparer = AllStoresAlike.Instance;
    }

    private sealed class AllStoresAlike : IEqualityComparer<string>
    {
        public static readonly AllStoresAlike Instance = new();

        public bool Equals(string? x, string? y) => true;

        public int GetHashCode(string obj) => 0;
    }
}
