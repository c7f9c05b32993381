namespace OrchardSpbe.Search;

/// <summary>"Spbe:Search" configuration.</summary>
public sealed class SearchOptions
{
    /// <summary>
    /// Where this node keeps its indexes: <c>&lt;IndexRoot&gt;/&lt;tenant&gt;/site</c>. Empty: under the tenant's
    /// App_Data folder, <c>Sites/&lt;tenant&gt;/search/&lt;machine&gt;/site</c>. Each node needs its own folder
    /// (never a shared one): the folder is a cache of the database, rebuilt by itself when empty.
    /// </summary>
    public string? IndexRoot { get; set; }

    /// <summary>
    /// Log entries this recent are read again when their number was skipped: a transaction may take its
    /// number before another and commit after it (PostgreSQL sequences).
    /// </summary>
    public TimeSpan LateCommitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the background task catches every index up and commits it to disk.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(2);
}
