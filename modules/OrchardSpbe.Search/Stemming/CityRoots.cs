using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Stemming;

/// <summary>
/// The roots the city adds to the dictionary in the portal's admin, kept in the portal's store (one word a row).
/// They belong to the portal, not to each PD: the portal's index holds every PD's documents, so every tenant must be
/// analysed with the same dictionary, and the process keeps one.
/// </summary>
public sealed class CityRootsStore(TenantSession session)
{
    public const string Table = "search_city_roots";

    public async Task<IReadOnlyList<string>> ReadAsync() =>
        (await session.QueryAsync<string>($"SELECT word FROM {Table} ORDER BY word")).ToList();

    public async Task SaveAsync(IReadOnlyCollection<string> words)
    {
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync($"DELETE FROM {Table}");
        foreach (var word in words) await session.ExecuteAsync($"INSERT INTO {Table} (word) VALUES (@word)", new { word });
        await transaction.CommitAsync();
    }
}

/// <summary>
/// Puts the portal's city roots into this process's <see cref="RootDictionary"/>: before the first index is built
/// (so a start-up does not build every index twice), and again on each of the portal's catch-up ticks — how another
/// node's save reaches this one. A change makes the analysis version change, and every index rebuilds in the background.
/// </summary>
public sealed class CityRoots(ShellHost shells, TenantScopeFactory scopes, ILogger<CityRoots> logger)
{
    private readonly SemaphoreSlim _first = new(1, 1);
    private volatile bool _loaded;
    private SortedSet<string>? _lastRead;

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded) return;
        await _first.WaitAsync(cancellationToken);
        try
        {
            if (_loaded || shells.Find(TenantRecord.DefaultName) is not { } portal || !portal.IsFeatureEnabled(Manifest.FeatureId)) return;
            await using var scope = scopes.CreateScope(portal);
            await ReloadAsync(scope.ServiceProvider);
        }
        finally { _first.Release(); }
    }

    /// <summary>Reads the list in a scope of the portal. True when the dictionary changed.</summary>
    public async Task<bool> ReloadAsync(IServiceProvider portalServices)
    {
        try
        {
            var read = RootDictionary.Normalize(await portalServices.GetRequiredService<CityRootsStore>().ReadAsync());
            // Only what changed in the store since this host last read it is applied (one host a process in production;
            // in tests several hosts share the process-wide dictionary, and each must not undo another's change).
            if (_lastRead is not null && read.SetEquals(_lastRead)) return false;
            _lastRead = read;
            var changed = RootDictionary.UseCityRoots(read);
            _loaded = true;
            if (changed) logger.LogInformation("The city's roots changed: analysis {Analysis}", Indexing.SearchAnalyzers.AnalysisVersion);
            return changed;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException)
        {
            // The portal's migration has not run yet: no city roots so far.
            logger.LogDebug(exception, "The city's roots could not be read yet");
            return false;
        }
    }
}
