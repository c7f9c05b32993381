using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// Opt-in per-phase timing of portal/PD searches (environment SPBE_SEARCH_PROFILE=1): wall time summed per
/// phase, logged every 500 searches. Off, it costs one static bool test a phase. Used to find where a query's
/// time goes (bench/RESULTS.md, "where a query's time goes").
/// </summary>
public static class SearchProfile
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SPBE_SEARCH_PROFILE") == "1";
    public static readonly string[] Phases = ["ready", "build", "search", "page", "snippets", "suggest", "cached"];
    private static readonly long[] Ticks = new long[Phases.Length];
    private static long _count;

    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/>; returns now (the next phase's start).</summary>
    public static long Lap(int phase, long since)
    {
        if (!Enabled) return 0;
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[phase], now - since);
        return now;
    }

    public static void Done(ILogger logger)
    {
        if (!Enabled || Interlocked.Increment(ref _count) % 500 != 0) return;
        var count = Interlocked.Read(ref _count);
        logger.LogWarning("Search profile over {Count} searches, ms per search: {Phases}", count,
            string.Join(", ", Phases.Select((p, i) => $"{p} {Interlocked.Read(ref Ticks[i]) * 1000.0 / Stopwatch.Frequency / count:F2}")));
    }
}
