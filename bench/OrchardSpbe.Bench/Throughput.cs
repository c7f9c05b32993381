namespace OrchardSpbe.Bench;

/// <summary>
/// The wrk comparison: an anonymous (cached) page of the host against a bare Kestrel answering with
/// exactly the same bytes and content type. Both get a warm-up first, then alternating rounds; the best
/// round of each counts.
/// </summary>
public static class Throughput
{
    public sealed record Comparison(WrkResult Spbe, WrkResult Bare, int Bytes)
    {
        public double Ratio => Spbe.RequestsPerSecond / Bare.RequestsPerSecond;
    }

    /// <param name="tenant">The PD whose home is compared; null for the city portal's.</param>
    public static async Task<Comparison> CompareAsync(BenchSettings settings, SiteHttp http, int port, string? tenant)
    {
        using var page = await http.Http.GetAsync(http.Url(tenant));
        var body = await page.Content.ReadAsByteArrayAsync();
        var contentType = page.Content.Headers.ContentType!.ToString();
        Console.WriteLine($"  page: {body.Length} bytes, {contentType}");
        var (bareApp, bareUrl) = await BareServer.StartAsync(body, contentType);
        WrkResult spbe, bare;
        await using (bareApp)
        {
            Task<WrkResult> HitSpbe(int seconds) => WrkResult.RunAsync(settings, $"http://127.0.0.1:{port}/", http.HostHeader(tenant), seconds);
            Task<WrkResult> HitBare(int seconds) => WrkResult.RunAsync(settings, bareUrl, new Uri(bareUrl).Authority, seconds);
            // The host's throughput climbs for ~10 s after start (tiered JIT, PGO, GC sizing): warm both first.
            await HitSpbe(settings.WrkWarmupSeconds);
            await HitBare(settings.WrkWarmupSeconds);
            // Alternating rounds, best of each: other work on the machine then hurts both alike, and the
            // least disturbed round is the closest to what each server can do.
            var spbeRounds = new List<WrkResult>();
            var bareRounds = new List<WrkResult>();
            for (var round = 1; round <= settings.WrkRounds; round++)
            {
                spbeRounds.Add(await HitSpbe(settings.WrkSeconds));
                bareRounds.Add(await HitBare(settings.WrkSeconds));
                Console.WriteLine($"  round {round}: OrchardSpbe {spbeRounds[^1].RequestsPerSecond:F0} req/s, bare {bareRounds[^1].RequestsPerSecond:F0} req/s");
            }
            spbe = spbeRounds.MaxBy(r => r.RequestsPerSecond)!;
            bare = bareRounds.MaxBy(r => r.RequestsPerSecond)!;
        }
        Console.WriteLine($"  best OrchardSpbe {spbe.RequestsPerSecond:F0} req/s ({spbe.Latency}){(spbe.Errors is null ? "" : "  " + spbe.Errors)}");
        Console.WriteLine($"  best bare        {bare.RequestsPerSecond:F0} req/s ({bare.Latency}){(bare.Errors is null ? "" : "  " + bare.Errors)}");
        return new Comparison(spbe, bare, body.Length);
    }
}
