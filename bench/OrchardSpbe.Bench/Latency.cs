namespace OrchardSpbe.Bench;

/// <summary>Response times of one kind of page, as the client on loopback waits for each whole body.</summary>
public sealed record Latency(IReadOnlyList<double> Ms, double AverageBytes)
{
    public double P50 => Stats.Percentile(Ms, 50);
    public double P95 => Stats.Percentile(Ms, 95);
    public double Max => Ms.Max();

    public override string ToString() =>
        FormattableString.Invariant($"p50 {P50:F1} ms, p95 {P95:F1} ms, max {Max:F1} ms over {Ms.Count} requests ({AverageBytes / 1024:F1} KB a page)");

    /// <summary>
    /// One request at a time on a kept-alive connection: first the warm-up addresses (not counted: JIT,
    /// SQLite's page cache, the first view compilations), then the measured ones.
    /// </summary>
    public static async Task<Latency> MeasureAsync(SiteHttp http, IReadOnlyList<Uri> warmup, IReadOnlyList<Uri> measured, bool bypassCache)
    {
        foreach (var url in warmup) await http.TimedGetAsync(url, bypassCache);
        var ms = new List<double>(measured.Count);
        long bytes = 0;
        foreach (var url in measured)
        {
            var (time, length) = await http.TimedGetAsync(url, bypassCache);
            ms.Add(time.TotalMilliseconds);
            bytes += length;
        }
        return new Latency(ms, (double)bytes / measured.Count);
    }
}
