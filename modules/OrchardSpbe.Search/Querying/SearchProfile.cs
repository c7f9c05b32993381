using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Opt-in per-phase timing of searches (environment SPBE_SEARCH_PROFILE=1): wall time per phase, averaged over
/// windows of 40 searches that missed the result cache, logged at the end of each window (with how many were
/// answered from the cache meanwhile). Off, it costs a static bool test a phase. It found where a query's time
/// goes (bench/RESULTS.md); run the searches one at a time, or the wall times include waiting for a core.
/// </summary>
public static class SearchProfile
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SPBE_SEARCH_PROFILE") == "1";
    private const int Window = 40;
    private static readonly string[] Phases = ["ready", "parse+rewrite+near", "search+facets", "stored fields", "snippets", "did-you-mean", "cache hit"];
    private static readonly long[] Ticks = new long[Phases.Length];
    private static long _misses, _hits;

    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/>; returns now (the next phase's start).</summary>
    public static long Lap(int phase, long since)
    {
        if (!Enabled) return 0;
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[phase], now - since);
        return now;
    }

    public static void Done(ILogger logger, bool cached)
    {
        if (!Enabled) return;
        if (cached) { Interlocked.Increment(ref _hits); return; }
        if (Interlocked.Increment(ref _misses) % Window != 0) return;
        var ticks = Ticks.Select((_, i) => Interlocked.Exchange(ref Ticks[i], 0)).ToArray();
        var hits = Interlocked.Exchange(ref _hits, 0);
        logger.LogWarning("Search profile, ms per search over {Count} not cached ({Hits} cache hits, {HitMs:F3} ms each): {Phases}", Window, hits,
            hits == 0 ? 0 : ticks[^1] * 1000.0 / Stopwatch.Frequency / hits,
            string.Join(", ", Phases[..^1].Select((p, i) => $"{p} {ticks[i] * 1000.0 / Stopwatch.Frequency / Window:F2}")));
    }
}
