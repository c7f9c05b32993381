using System.Diagnostics.Metrics;

namespace OrchardSpbe.Operations;

/// <summary>A module's observable gauges (index lag, outbox depth), added to the platform's meter at start.</summary>
public interface IMetricsSource
{
    void Register(Meter meter);
}

/// <summary>
/// The platform's own instruments, on the "OrchardSpbe" meter (exported with ASP.NET Core's request metrics and
/// Npgsql's pool metrics when <c>Spbe:Metrics:Enabled</c>), with the modules' <see cref="IMetricsSource"/> gauges.
/// </summary>
public sealed class SpbeMetrics
{
    public const string MeterName = "OrchardSpbe";
    public const string TenantTag = "spbe.tenant";

    private readonly Counter<long> _outputCache;
    private readonly Counter<long> _backgroundRuns;
    private readonly Counter<long> _searchQueries;

    public SpbeMetrics(IMeterFactory meters, IEnumerable<IMetricsSource> sources)
    {
        var meter = meters.Create(MeterName);
        foreach (var source in sources) source.Register(meter);
        _outputCache = meter.CreateCounter<long>("spbe.output_cache.requests", "{request}", "Anonymous requests for public pages the page cache answered (hit) or had rendered (miss).");
        _backgroundRuns = meter.CreateCounter<long>("spbe.background.runs", "{run}", "Background task runs per task and outcome.");
        _searchQueries = meter.CreateCounter<long>("spbe.search.queries", "{query}", "Search queries per tenant.");
    }

    /// <summary>Whether anything listens to the page-cache counter (metrics on): the cache's hot path does nothing otherwise.</summary>
    public bool CountsOutputCache => _outputCache.Enabled;

    public void OutputCache(string tenant, bool hit) =>
        _outputCache.Add(1, new(TenantTag, tenant), new("result", hit ? "hit" : "miss"));

    public void BackgroundRun(string task, bool failed) =>
        _backgroundRuns.Add(1, new("task", task), new("outcome", failed ? "failed" : "ok"));

    public void SearchQuery(string tenant) => _searchQueries.Add(1, new KeyValuePair<string, object?>(TenantTag, tenant));
}
