namespace OrchardSpbe.Search;

/// <summary>
/// How a module plugs its items into search. The module logs a change (<see cref="SearchChangeLog"/>) in the
/// transaction that makes it; the indexer later asks the source for the items' current documents, on every node.
/// Sources run in a scope of the tenant, so they read its store as any service does.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>Prefix of the item ids this source owns ("content").</summary>
    string Name { get; }

    /// <summary>The feature that owns the source; tenants without it index nothing from it.</summary>
    string? FeatureId { get; }

    /// <summary>The current documents of these items; an item with none (removed) is deleted from the index.</summary>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(IServiceProvider tenantServices, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Every item id with the number of documents it gives, for a rebuild and the consistency check.</summary>
    Task<IReadOnlyDictionary<string, int>> ListAsync(IServiceProvider tenantServices, CancellationToken cancellationToken);
}
