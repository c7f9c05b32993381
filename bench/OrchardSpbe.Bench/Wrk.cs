using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrchardSpbe.Bench;

/// <summary>One wrk run: requests per second as wrk reports it, plus its latency line and any non-2xx count.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, string Latency, string? Errors)
{
    public static async Task<WrkResult> RunAsync(BenchSettings settings, string url, string hostHeader, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"-t{settings.WrkThreads}", $"-c{settings.WrkConnections}", $"-d{seconds}s", "-H", $"Host: {hostHeader}", url })
            start.ArgumentList.Add(arg);
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rps = RequestsPerSec().Match(output) is { Success: true } match
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No 'Requests/sec:' in wrk output:\n{output}{await wrk.StandardError.ReadToEndAsync()}");
        // A server answering errors fast would look good; show them next to the figure.
        var errors = string.Join("; ", output.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("Non-2xx", StringComparison.Ordinal) || l.StartsWith("Socket errors", StringComparison.Ordinal)));
        var latency = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Latency", StringComparison.Ordinal)) ?? "";
        return new WrkResult(rps, latency, errors.Length == 0 ? null : errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSec();
}
